package org.openicr.ingestion.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openicr.ingestion.control.XmlShape;
import org.openicr.vocabulary.ErrorCode;

/** The inbox filter's view of the shape check answers what {@link XmlShape} answers. */
class MessageShapeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "a plain message     | <a><b>text</b></a>                                  | OK           | false",
                "a DOCTYPE           | <?xml version=\"1.0\"?><!DOCTYPE a []><a/>            | XML_NOT_ALLOWED | true",
                "a doctype in lower case | <!doctype a><a/>                                | XML_NOT_ALLOWED | true",
                "another encoding    | <?xml version=\"1.0\" encoding=\"IBM037\"?><a/>       | SCHEMA_INVALID  | false",
                "text before markup  | hello<a/>                                           | SCHEMA_INVALID  | false",
            })
    void refusesWhatTheScanRefusesWithItsCode(String what, String body, String code, boolean declaration) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        MessageShape.Refusal refusal = MessageShape.refusal(bytes);
        XmlShape.Result scan = XmlShape.check(bytes);
        if ("OK".equals(code)) {
            assertNull(refusal);
            assertEquals(XmlShape.Verdict.OK, scan.verdict());
        } else {
            assertNotNull(refusal);
            assertEquals(ErrorCode.valueOf(code), refusal.code());
            assertEquals(scan.reason(), refusal.reason());
        }
        assertEquals(declaration, MessageShape.hasDeclaration(bytes));
    }

    @ParameterizedTest(name = "nested {0} deep")
    @CsvSource({"64, true", "65, false"})
    void tooDeepIsTooComplex(int depth, boolean passes) {
        byte[] body = ("<a>".repeat(depth) + "</a>".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        MessageShape.Refusal refusal = MessageShape.refusal(body);
        if (passes) {
            assertNull(refusal);
        } else {
            assertEquals(ErrorCode.MESSAGE_TOO_COMPLEX, refusal.code());
        }
    }
}
