package org.openicr.tools.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

class EnvelopesTest {

    private static final String ICR = "urn:openicr:ingestion:v1";
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";

    /** The contract the service validates every request against (Metro @SchemaValidation). */
    private static final Path XSD = Path.of("../../web-module/src/main/webapp/WEB-INF/wsdl/ingestion-v1.xsd");

    @Test
    void escapesTheFiveSpecialCharacters() {
        assertEquals("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;", Envelopes.escape("a & b <c> \"d\" 'e'"));
        assertEquals("tab\tand\nnewline", Envelopes.escape("tab\tand\nnewline"));
        assertThrows(IllegalArgumentException.class, () -> Envelopes.escape("bell\u0007"));
    }

    @Test
    void textWithMarkupCharactersSurvivesTheRoundTrip() throws Exception {
        String awkward = "Paracetamol 500mg & codeine <30mg> \"as needed\" O'Brien";
        Envelopes.Item item = new Envelopes.Item(
                "PROBLEMS", "key-&<1>", 1, null, null, null, null, null, awkward, Map.of("value", "<5 & >2"));
        Document doc = parse(Envelopes.itemBatch("m-1&2", "9991000001", List.of(item)));
        assertEquals("m-1&2", text(doc, "messageId"));
        assertEquals("key-&<1>", text(doc, "sourceKey"));
        assertEquals(awkward, text(doc, "text"));
        assertEquals("<5 & >2", text(doc, "value"));
    }

    @Test
    void itemBatchIsValidAgainstTheContractAndHasEveryItem() throws Exception {
        List<Envelopes.Item> items = SyntheticRecords.items("ld-test-7", 350, 50);
        Document doc = parse(Envelopes.itemBatch("ld-test-7", "9991000001", items));
        Element batch = body(doc);
        assertEquals("ItemBatch", batch.getLocalName());
        assertEquals(50, doc.getElementsByTagNameNS(ICR, "item").getLength());
        validate(batch);

        Set<String> categories = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Envelopes.Item item : items) {
            categories.add(item.category());
            keys.add(item.sourceKey());
        }
        assertEquals(Set.of("MEDICATIONS", "RESULTS", "PROBLEMS"), categories);
        assertEquals(50, keys.size(), "source keys are unique within a message");
    }

    @Test
    void singleItemMessagesRotateThroughTheCategories() throws Exception {
        Set<String> categories = new HashSet<>();
        for (long n = 0; n < 3; n++) {
            Envelopes.Item item = SyntheticRecords.items("ld-x-" + n, n, 1).get(0);
            categories.add(item.category());
            validate(body(parse(Envelopes.itemBatch("ld-x-" + n, "9991000001", List.of(item)))));
        }
        assertEquals(Set.of("MEDICATIONS", "RESULTS", "PROBLEMS"), categories);
    }

    @Test
    void resultsCarryLoincValueUnitAndRange() throws Exception {
        Envelopes.Item result = SyntheticRecords.item("k", 1);
        assertEquals("RESULTS", result.category());
        assertEquals("LOINC", result.codeSystem());
        assertTrue(result.details().keySet().containsAll(Set.of("value", "unit", "referenceLow", "referenceHigh")));
        Envelopes.Item medication = SyntheticRecords.item("k", 0);
        assertEquals("DMD", medication.codeSystem());
        assertEquals("SNOMED_CT", SyntheticRecords.item("k", 2).codeSystem());
    }

    @Test
    void demographicsSubmissionIsValidAgainstTheContract() throws Exception {
        Envelopes.Person person = SyntheticRecords.person(3, "9991000001");
        Document doc = parse(Envelopes.demographics("ld-run-person-3", person));
        Element submission = body(doc);
        assertEquals("DemographicsSubmission", submission.getLocalName());
        assertEquals("9991000001", text(doc, "nhsNumber"));
        validate(submission);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element body(Document doc) {
        Element envelope = doc.getDocumentElement();
        assertEquals(SOAP, envelope.getNamespaceURI());
        Element body = (Element) doc.getElementsByTagNameNS(SOAP, "Body").item(0);
        for (Node n = body.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                assertEquals(ICR, e.getNamespaceURI());
                return e;
            }
        }
        throw new AssertionError("empty SOAP body");
    }

    private static String text(Document doc, String localName) {
        return doc.getElementsByTagNameNS(ICR, localName).item(0).getTextContent();
    }

    private static void validate(Element element) throws Exception {
        assertTrue(Files.exists(XSD), "the contract's XSD is at " + XSD.toAbsolutePath());
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.newSchema(XSD.toFile()).newValidator().validate(new DOMSource(element));
    }
}
