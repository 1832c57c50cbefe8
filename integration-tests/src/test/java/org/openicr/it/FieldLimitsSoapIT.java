package org.openicr.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every bounded field: a value one character over its limit is refused with INVALID_INPUT naming the
 * field and its limit (never INTERNAL_ERROR, which tells the sender to retry), over real SOAP/HTTP
 * and HL7 v2; and the limits the deployed contract states are the database's column lengths.
 */
@ExtendWith(ArquillianExtension.class)
class FieldLimitsSoapIT {

    private static final String GP = "sys.riverside-gp";
    private static final String GP_PASSWORD = "Source-demo-gp-1";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return TestEnvironment.ear();
    }

    @BeforeAll
    static void directory() throws Exception {
        TestEnvironment.seedDirectory();
    }

    /** A bounded field: where it is in a message, its limit, and the column that holds it. */
    record Bounded(String path, int max, String table, String column, String operation, String envelope) {
        @Override
        public String toString() {
            return path;
        }
    }

    private static String person(Map<String, String> overrides) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("title", "Ms");
        f.put("givenNames", "Test");
        f.put("familyName", "LIMITS");
        f.put("line", "1 Test Street");
        f.put("postcode", "BS1 1AA");
        f.put("phone", "0117 000 0000");
        f.put("localIdentifier", "L1");
        f.putAll(overrides);
        return ItemIngestionSoapIT.envelope("<icr:DemographicsSubmission><icr:messageId>"
                + f.getOrDefault("messageId", "lim-" + System.nanoTime())
                + "</icr:messageId><icr:person><icr:nhsNumber>" + TestEnvironment.freshNhsNumber() + "</icr:nhsNumber>"
                + "<icr:title>" + f.get("title") + "</icr:title><icr:givenNames>" + f.get("givenNames")
                + "</icr:givenNames><icr:familyName>" + f.get("familyName") + "</icr:familyName>"
                + "<icr:dateOfBirth>1980-02-29</icr:dateOfBirth><icr:gender>female</icr:gender><icr:address>"
                + "<icr:line>" + f.get("line") + "</icr:line>" + f.getOrDefault("moreLines", "") + "<icr:postcode>"
                + f.get("postcode") + "</icr:postcode></icr:address><icr:phone>" + f.get("phone") + "</icr:phone>"
                + "<icr:localIdentifier>" + f.get("localIdentifier") + "</icr:localIdentifier></icr:person>"
                + "</icr:DemographicsSubmission>");
    }

    private static String item(Map<String, String> overrides) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("category", "DOCUMENTS");
        f.put("sourceKey", "k-" + System.nanoTime());
        f.put("status", "final");
        f.put("code", "39720311000001101");
        f.put("display", "Letter");
        f.put("sensitivity", "NORMAL");
        f.put("contentType", "text/plain");
        f.putAll(overrides);
        return ItemIngestionSoapIT.batch(
                "lim-" + System.nanoTime(),
                "<icr:nhsNumber>9990000018</icr:nhsNumber>",
                "<icr:item><icr:category>" + f.get("category") + "</icr:category><icr:sourceKey>" + f.get("sourceKey")
                        + "</icr:sourceKey><icr:version>1</icr:version><icr:status>" + f.get("status")
                        + "</icr:status><icr:code><icr:system>DMD</icr:system><icr:code>" + f.get("code")
                        + "</icr:code><icr:display>" + f.get("display") + "</icr:display></icr:code>"
                        + "<icr:text>t</icr:text><icr:sensitivity>" + f.get("sensitivity") + "</icr:sensitivity>"
                        + "<icr:document><icr:contentType>" + f.get("contentType")
                        + "</icr:contentType><icr:data>aGVsbG8=</icr:data></icr:document></icr:item>");
    }

    private static String withdrawal(String sourceKey, String reason) {
        return ItemIngestionSoapIT.envelope("<icr:ItemWithdrawal><icr:messageId>lim-" + System.nanoTime()
                + "</icr:messageId><icr:withdrawal><icr:sourceKey>" + sourceKey + "</icr:sourceKey><icr:reason>"
                + reason + "</icr:reason></icr:withdrawal></icr:ItemWithdrawal>");
    }

    private static String over(int max) {
        return "Z".repeat(max + 1);
    }

    static Stream<Bounded> bounded() {
        String d = "SubmitDemographics";
        String i = "SubmitItems";
        return Stream.of(
                new Bounded(
                        "DemographicsSubmission/messageId",
                        100,
                        "inbound_message",
                        "message_id",
                        d,
                        person(Map.of("messageId", over(100)))),
                new Bounded(
                        "DemographicsSubmission/person/title",
                        40,
                        "person",
                        "title",
                        d,
                        person(Map.of("title", over(40)))),
                new Bounded(
                        "DemographicsSubmission/person/givenNames",
                        200,
                        "person",
                        "given_names",
                        d,
                        person(Map.of("givenNames", over(200)))),
                new Bounded(
                        "DemographicsSubmission/person/familyName",
                        200,
                        "person",
                        "family_name",
                        d,
                        person(Map.of("familyName", over(200)))),
                new Bounded(
                        "DemographicsSubmission/person/address/line[1]",
                        200,
                        null,
                        null,
                        d,
                        person(Map.of("line", over(200)))),
                new Bounded(
                        "person/address/line (all lines together)",
                        500,
                        "person",
                        "address_lines",
                        d,
                        person(Map.of(
                                "line",
                                "A".repeat(200),
                                "moreLines",
                                "<icr:line>" + "B".repeat(200) + "</icr:line><icr:line>" + "C".repeat(99)
                                        + "</icr:line>"))),
                new Bounded(
                        "DemographicsSubmission/person/address/postcode",
                        10,
                        "person",
                        "postcode",
                        d,
                        person(Map.of("postcode", over(10)))),
                new Bounded(
                        "DemographicsSubmission/person/phone",
                        40,
                        "person",
                        "phone",
                        d,
                        person(Map.of("phone", over(40)))),
                new Bounded(
                        "DemographicsSubmission/person/localIdentifier",
                        100,
                        "person_identifier",
                        "value",
                        d,
                        person(Map.of("localIdentifier", over(100)))),
                new Bounded(
                        "ItemBatch/item[1]/category",
                        20,
                        "record_item",
                        "category",
                        i,
                        item(Map.of("category", over(20)))),
                new Bounded(
                        "ItemBatch/item[1]/sourceKey",
                        200,
                        "record_item",
                        "source_key",
                        i,
                        item(Map.of("sourceKey", over(200)))),
                new Bounded(
                        "ItemBatch/item[1]/status", 40, "record_item", "status", i, item(Map.of("status", over(40)))),
                new Bounded(
                        "ItemBatch/item[1]/code/code", 40, "record_item", "code", i, item(Map.of("code", over(40)))),
                new Bounded(
                        "ItemBatch/item[1]/code/display",
                        500,
                        "record_item",
                        "display",
                        i,
                        item(Map.of("display", over(500)))),
                new Bounded(
                        "ItemBatch/item[1]/sensitivity",
                        20,
                        "record_item",
                        "sensitivity",
                        i,
                        item(Map.of("sensitivity", over(20)))),
                new Bounded(
                        "ItemBatch/item[1]/document/contentType",
                        100,
                        "document_content",
                        "content_type",
                        i,
                        item(Map.of("contentType", over(100)))),
                new Bounded(
                        "ItemWithdrawal/withdrawal[1]/sourceKey",
                        200,
                        "record_item",
                        "source_key",
                        "WithdrawItems",
                        withdrawal(over(200), "RETENTION")),
                new Bounded(
                        "ItemWithdrawal/withdrawal[1]/reason",
                        40,
                        "record_item",
                        "withdrawn_reason",
                        "WithdrawItems",
                        withdrawal("k", over(40))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bounded")
    void aValueOverItsLimitIsInvalidInputNamingTheField(Bounded field) throws Exception {
        Soap.Response r =
                Soap.post(TestEnvironment.ingestionUrl(), field.operation(), field.envelope(), GP, GP_PASSWORD);
        assertEquals(500, r.status(), r::toString);
        assertEquals("INVALID_INPUT", r.faultCode(), r::toString);
        assertTrue(
                r.body().contains(field.path() + " is longer than its limit of " + field.max() + " characters"),
                r::toString);
        assertTrue(!r.body().contains("ZZZZZZZZZZ"), "the value itself is not echoed: " + r);
    }

    @Test
    void hl7FieldsOverTheirColumnsAreRefusedNamingTheField() throws Exception {
        String nhsNumber = TestEnvironment.freshNhsNumber();
        String er7 = "MSH|^~\\&|PAS|RX901|ICR|ICR|20260105090000||ADT^A31|lim" + System.nanoTime() + "|P|2.4\r"
                + "PID|1||" + nhsNumber + "^^^NHS^NH||" + "Y".repeat(201) + "^Ann^^^Ms||19800229|F\r";
        String envelope = ItemIngestionSoapIT.envelope(
                "<icr:Hl7Message><icr:er7>" + er7.replace("&", "&amp;") + "</icr:er7></icr:Hl7Message>");
        Soap.Response r = Soap.post(
                TestEnvironment.ingestionUrl(), "SubmitHl7", envelope, "sys.avonvale-pas", "Source-demo-pas-1");
        assertEquals(200, r.status(), r::toString);
        assertTrue(!"AA".equals(r.element("acknowledgementCode")), r::toString);
        assertTrue(r.body().contains("PID-5.1 family name is longer than its limit of 200 characters"), r::toString);
        assertTrue(!"INTERNAL_ERROR".equals(r.element("errorCode")), r::toString);
        assertEquals(0, TestEnvironment.count("select count(*) from person where nhs_number = ?", nhsNumber));
    }

    /** The limits the deployed contract states are the database's own column lengths. */
    @Test
    void theContractsLimitsAreTheColumnsLengths() throws Exception {
        Soap.Response xsd = Soap.get(TestEnvironment.ingestionUrl().resolve("ingestion?xsd=1"), GP, GP_PASSWORD);
        assertEquals(200, xsd.status(), xsd::toString);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document schema = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xsd.body().getBytes(StandardCharsets.UTF_8)));
        Map<String, Integer> typeMax = new LinkedHashMap<>();
        NodeList types = schema.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "simpleType");
        for (int t = 0; t < types.getLength(); t++) {
            Element type = (Element) types.item(t);
            NodeList max = type.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "maxLength");
            if (!type.getAttribute("name").isEmpty() && max.getLength() == 1) {
                typeMax.put(type.getAttribute("name"), Integer.valueOf(((Element) max.item(0)).getAttribute("value")));
            }
        }
        List<String> drift = new ArrayList<>();
        for (Bounded field : bounded().toList()) {
            if (field.table() == null) {
                continue;
            }
            long column = TestEnvironment.count(
                    "select character_maximum_length from information_schema.columns where table_name = ?"
                            + " and column_name = ?",
                    field.table(),
                    field.column());
            if (column != field.max()) {
                drift.add(field.path() + ": test says " + field.max() + ", column " + column);
            }
            String leaf = field.path().replaceAll("\\[\\d+]", "");
            leaf = leaf.substring(leaf.lastIndexOf('/') + 1).replace(" (all lines together)", "");
            Integer stated = statedMax(schema, typeMax, field.path());
            if (stated != null && stated != field.max()) {
                drift.add(field.path() + ": XSD says " + stated + ", column " + column);
            }
        }
        assertTrue(drift.isEmpty(), String.join("; ", drift));
    }

    /** The xs:maxLength the schema gives the last element of a path (through its named type). */
    private static Integer statedMax(Document schema, Map<String, Integer> typeMax, String path) {
        if (path.contains("(all lines together)")) {
            return null;
        }
        String[] steps = path.replaceAll("\\[\\d+]", "").split("/");
        String leaf = steps[steps.length - 1];
        String parent = steps.length > 1 ? steps[steps.length - 2] : null;
        NodeList elements = schema.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "element");
        for (int e = 0; e < elements.getLength(); e++) {
            Element element = (Element) elements.item(e);
            if (!leaf.equals(element.getAttribute("name"))) {
                continue;
            }
            String owner = owner(element);
            if (parent == null || parent.equalsIgnoreCase(owner) || owner.equalsIgnoreCase(typeOf(parent))) {
                String type = element.getAttribute("type").replaceFirst("^icr:", "");
                if (typeMax.containsKey(type)) {
                    return typeMax.get(type);
                }
            }
        }
        return -1;
    }

    /** The name of the complex type or element that declares an element. */
    private static String owner(Element element) {
        for (org.w3c.dom.Node n = element.getParentNode(); n != null; n = n.getParentNode()) {
            if (n instanceof Element e && !e.getAttribute("name").isEmpty()) {
                return e.getAttribute("name");
            }
        }
        return "";
    }

    /** The contract's complex type of an element of a path. */
    private static String typeOf(String element) {
        return switch (element) {
            case "person" -> "Person";
            case "address" -> "Address";
            case "item" -> "Item";
            case "code" -> "Code";
            case "document" -> "DocumentContent";
            case "withdrawal" -> "Withdrawal";
            default -> element;
        };
    }
}
