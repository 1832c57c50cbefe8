package org.openicr.ws;

import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openicr.ingestion.boundary.Inbox;
import org.openicr.ingestion.boundary.MessageShape;
import org.openicr.ingestion.boundary.Received;
import org.openicr.vocabulary.ErrorCode;

/**
 * Reads every SOAP message whole before anything parses it, and refuses, before any XML parser sees
 * them, a message over the size limit and any XML with a DOCTYPE (SOAP forbids DTDs; refusing them
 * outright is the defence against XXE and entity expansion). It then validates the whole message
 * against the contract ({@link ContractValidation}: one pass of the JDK's schema validator over the
 * bytes, far cheaper than Metro's own validation, which is therefore off). A message that is not
 * well-formed or not valid, or that Metro cannot read at all, is stored as rejected ({@link
 * Inbox#reject}) and the sender gets the contract's fault with code SCHEMA_INVALID instead of
 * Metro's own. A message that passes goes on to the endpoint as {@link Received}, and is stored with
 * its outcome by its processing.
 */
@WebFilter(urlPatterns = "/ws/*")
public class InboxFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The largest message accepted (a discharge summary with a PDF fits easily). */
    public static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

    /**
     * How much of an oversized body is read and dropped so that its sender gets the fault; the
     * connection of a larger one is closed after the fault (the container itself has no limit, so
     * that the application answers every oversized message: server-config/domain.asadmin).
     */
    static final long MAX_DRAINED_BYTES = 64L * 1024 * 1024;

    static final String RECEIVED = "org.openicr.inbox.received";
    static final String PROCESSED = "org.openicr.inbox.processed";

    private static final String CONTRACT_MISMATCH = "The message does not match the contract (ingestion-v1.xsd): ";

    private static final Pattern FAULT_STRING =
            Pattern.compile("<faultstring[^>]*>(.*?)</faultstring>", Pattern.DOTALL);

    @EJB
    transient Inbox inbox;

    private transient ContractValidation validation;

    @Override
    public void init() throws ServletException {
        try {
            validation = new ContractValidation(getServletContext().getResource("/WEB-INF/wsdl/ingestion-v1.xsd"));
        } catch (java.net.MalformedURLException | IllegalStateException e) {
            throw new ServletException("The ingestion contract's schema cannot be loaded", e);
        }
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) || request.getUserPrincipal() == null) {
            chain.doFilter(request, response);
            return;
        }
        Instant receivedAt = Instant.now();
        long declared = request.getContentLengthLong();
        if (declared > MAX_MESSAGE_BYTES) {
            // Refused on its declared length without reading it into memory.
            refuseTooLarge(request, response, declared, receivedAt, 0);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), MAX_MESSAGE_BYTES + 1);
        if (body.length > MAX_MESSAGE_BYTES) {
            // A chunked body (no Content-Length) that went past the limit: drop what was read.
            refuseTooLarge(request, response, -1, receivedAt, body.length);
            return;
        }
        Received received = new Received(body, body.length, receivedAt);
        MessageShape.Refusal shape = MessageShape.refusal(body);
        if (shape != null) {
            refuse(response, received, shape.code(), shape.reason());
            return;
        }
        ContractValidation.Problem invalid = validation.problem(body);
        if (invalid != null && invalid.itemsOnly()) {
            // Items too long for a field: answered by the processor, on their own in a partial batch.
            received = new Received(body, body.length, receivedAt, invalid.itemFaults());
        } else if (invalid != null) {
            if (invalid.tooLong()) {
                refuse(response, received, ErrorCode.INVALID_INPUT, cut(invalid.reason()));
            } else {
                refuse(response, received, ErrorCode.SCHEMA_INVALID, CONTRACT_MISMATCH + cut(invalid.reason()));
            }
            return;
        }
        request.setAttribute(RECEIVED, received);
        CapturedResponse captured = new CapturedResponse(response);
        chain.doFilter(new BufferedRequest(request, body), captured);
        if (request.getAttribute(PROCESSED) == null && captured.getStatus() >= 400) {
            refuse(response, received, ErrorCode.SCHEMA_INVALID, CONTRACT_MISMATCH + faultString(captured.bytes()));
            return;
        }
        captured.commit();
    }

    /**
     * Answers MESSAGE_TOO_LARGE for a body over the limit and stores it as refused with its size and
     * source but without its body. What is left of the body is read and dropped, up to {@link
     * #MAX_DRAINED_BYTES}, so that the sender gets the fault rather than a reset connection; beyond
     * that the connection is closed. At most the limit (plus one byte) is ever held in memory.
     *
     * @param declared the Content-Length, or -1 for a chunked body
     * @param alreadyRead how many bytes were read before the limit was passed
     */
    private void refuseTooLarge(
            HttpServletRequest request,
            HttpServletResponse response,
            long declared,
            Instant receivedAt,
            long alreadyRead)
            throws IOException {
        long drained = drain(request.getInputStream(), MAX_DRAINED_BYTES);
        long seen = alreadyRead + drained;
        long size = declared > 0 ? declared : seen;
        boolean whole = declared > 0 ? seen >= declared : drained < MAX_DRAINED_BYTES;
        Received received = new Received(new byte[0], (int) Math.min(size, Integer.MAX_VALUE), receivedAt);
        if (!whole) {
            response.setHeader("Connection", "close");
        }
        refuse(
                response,
                received,
                ErrorCode.MESSAGE_TOO_LARGE,
                "The message is " + (declared > 0 || whole ? "" : "at least ") + size
                        + " bytes, larger than the limit of " + MAX_MESSAGE_BYTES
                        + " bytes (10 MiB); split the batch or send the document on its own.");
    }

    private void refuse(HttpServletResponse response, Received received, ErrorCode code, String reason)
            throws IOException {
        inbox.reject(received, null, null, code, reason);
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
        response.setContentType("text/xml; charset=utf-8");
        byte[] fault = Faults.soapFault(code, reason, null).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(fault.length);
        response.getOutputStream().write(fault);
    }

    /** Any DOCTYPE or ENTITY declaration, in any case and in UTF-8 or UTF-16 ({@link MessageShape}). */
    static boolean hasDoctype(byte[] body) {
        return MessageShape.hasDeclaration(body);
    }

    private static String faultString(byte[] response) {
        Matcher m = FAULT_STRING.matcher(new String(response, StandardCharsets.UTF_8));
        return cut(m.find() ? m.group(1).strip() : "the XML could not be read");
    }

    private static String cut(String text) {
        return text.length() > 500 ? text.substring(0, 500) : text;
    }

    /** Reads and drops up to {@code limit} bytes; answers how many it read. */
    private static long drain(InputStream in, long limit) throws IOException {
        byte[] buffer = new byte[65536];
        long total = 0;
        int read;
        while (total < limit && (read = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) != -1) {
            total += read;
        }
        return total;
    }

    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        byte[] buffer = new byte[8192];
        int total = 0;
        int read;
        while (total < limit && (read = in.read(buffer, 0, Math.min(buffer.length, limit - total))) != -1) {
            out.write(buffer, 0, read);
            total += read;
        }
        return out.toByteArray();
    }

    /** The request with its body read once, served again from memory to Metro. */
    private static final class BufferedRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** Holds Metro's answer until the filter knows whether to send it or its own fault. */
    private static final class CapturedResponse extends HttpServletResponseWrapper {
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        private PrintWriter writer;

        CapturedResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("blocking writes only");
                }
            };
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new java.io.OutputStreamWriter(buffer, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void setContentLength(int len) {}

        @Override
        public void setContentLengthLong(long len) {}

        @Override
        public void flushBuffer() {}

        byte[] bytes() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }

        void commit() throws IOException {
            byte[] bytes = bytes();
            HttpServletResponse response = (HttpServletResponse) getResponse();
            response.setContentLength(bytes.length);
            response.getOutputStream().write(bytes);
        }
    }
}
