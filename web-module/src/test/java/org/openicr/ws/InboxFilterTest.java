package org.openicr.ws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboxFilterTest {

    private static final String XXE =
            "<?xml version=\"1.0\"?><!DOCTYPE foo [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a/>";

    @Test
    void declarationsAreFoundInUtf8WhateverTheirCase() {
        assertTrue(InboxFilter.hasDoctype(XXE.getBytes(StandardCharsets.UTF_8)));
        assertTrue(InboxFilter.hasDoctype("<!doctype a><a/>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(InboxFilter.hasDoctype("<a><!Entity x 'y'></a>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void declarationsAreFoundInUtf16() {
        assertTrue(InboxFilter.hasDoctype(XXE.getBytes(StandardCharsets.UTF_16)));
        assertTrue(InboxFilter.hasDoctype(XXE.getBytes(StandardCharsets.UTF_16LE)));
        assertTrue(InboxFilter.hasDoctype(XXE.getBytes(StandardCharsets.UTF_16BE)));
    }

    @Test
    void commentsCdataAndCutDeclarationsAreNotDeclarations() {
        assertFalse(
                InboxFilter.hasDoctype("<a><!-- DOCTYPE --><![CDATA[<!ENTIT]]></a>".getBytes(StandardCharsets.UTF_8)));
        assertFalse(InboxFilter.hasDoctype("<a/><!DOCTYP".getBytes(StandardCharsets.UTF_8)));
        assertTrue(InboxFilter.hasDoctype("<a/><!DocType".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void ordinaryMessagesPass() {
        String soap = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body>"
                + "<x>Café &amp; DOCTYPE in text</x></soapenv:Body></soapenv:Envelope>";
        assertFalse(InboxFilter.hasDoctype(soap.getBytes(StandardCharsets.UTF_8)));
        assertFalse(InboxFilter.hasDoctype(soap.getBytes(StandardCharsets.UTF_16)));
    }
}
