package org.openicr.web;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.context.ResponseWriterWrapper;
import java.io.IOException;
import org.primefaces.component.messages.Messages;
import org.primefaces.component.messages.MessagesRenderer;

/**
 * PrimeFaces' messages with valid list markup (WCAG 1.3.1; axe-core rule "list"): PrimeFaces writes
 * each message as {@code <li role="alert">}, and a list item that is given another role is no longer a
 * list item, so the {@code <ul>} holds no items for a screen reader. This writes the same markup
 * without that role; the item keeps PrimeFaces' {@code aria-live="polite"}, so a message still is
 * announced. Registered for every p:messages in faces-config.xml.
 */
public class AccessibleMessagesRenderer extends MessagesRenderer {

    @Override
    protected void encodeMessage(
            ResponseWriter writer, Messages uiMessages, FacesMessage msg, String severity, boolean escape)
            throws IOException {
        super.encodeMessage(new WithoutAlertRole(writer), uiMessages, msg, severity, escape);
    }

    /** Passes everything through except a {@code role="alert"} attribute. */
    static final class WithoutAlertRole extends ResponseWriterWrapper {

        WithoutAlertRole(ResponseWriter wrapped) {
            super(wrapped);
        }

        @Override
        public void writeAttribute(String name, Object value, String property) throws IOException {
            if ("role".equals(name) && "alert".equals(value)) {
                return;
            }
            super.writeAttribute(name, value, property);
        }
    }
}
