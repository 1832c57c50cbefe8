package org.openicr.tools.load;

import ca.uhn.hl7v2.llp.HL7Reader;
import ca.uhn.hl7v2.llp.HL7Writer;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HL7 v2 over MLLP (issue 21, item 7): each message an ADT^A28 from the demo PAS (MSH-3/MSH-4
 * PAS/RX901, the default sender of server-config/openicr-domain.sh) registering a new person, its
 * messageId as MSH-10. Each client thread keeps one connection open, as an interface engine does,
 * and sends the next message when the ACK of the previous one is read; framing is HAPI's own
 * ({@link MinLowerLayerProtocol}). AA is an acknowledgement; AE/AR a refusal (its ERR code).
 */
final class MllpDoor implements LoadRun.Door {

    private static final DateTimeFormatter MSH_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final AtomicLong stems;
    private final ThreadLocal<Connection> connections = new ThreadLocal<>();

    private record Connection(Socket socket, HL7Writer writer, HL7Reader reader) {}

    MllpDoor(String host, int port, Duration timeout, long firstNhsStem) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = (int) timeout.toMillis();
        this.stems = new AtomicLong(firstNhsStem);
    }

    @Override
    public LoadRun.Message message(long seq, String messageId, String ignored, int itemsPerMessage) {
        String nhsNumber = nextNhsNumber();
        String er7 = "MSH|^~\\&|PAS|RX901|ICR|ICB90|" + LocalDateTime.now().format(MSH_TIME)
                + "||ADT^A28^ADT_A05|" + messageId + "|P|2.5.1\r"
                + "EVN|A28\r"
                + "PID|1||" + nhsNumber + "^^^NHS^NH~L" + seq + "^^^RX901^MR||LOADTEST^MLLP^^^MX||19700101|F|||"
                + "1 HIGH STREET^^BRISTOL^^BS1 1AA^GBR^H\r";
        return new LoadRun.Message(messageId, er7, List.of());
    }

    /** The next valid number of the 999 test range (a stem whose check digit is 10 has none). */
    private String nextNhsNumber() {
        while (true) {
            long stem = stems.getAndIncrement();
            if (stem > 999_999_999L) {
                throw new IllegalStateException("the 999 test range is used up from the --nhs-stem given");
            }
            String nine = Long.toString(stem);
            int check = NhsNumbers.checkDigit(nine);
            if (check >= 0) {
                return nine + check;
            }
        }
    }

    @Override
    public SoapClient.Answer send(LoadRun.Message m) {
        try {
            Connection c = connection();
            c.writer().writeMessage(m.envelope());
            String ack = c.reader().getMessage();
            if (ack == null) {
                close();
                return new SoapClient.Answer(SoapClient.Kind.ERROR, "closed");
            }
            String code = field(ack, "MSA", 1);
            if ("AA".equals(code)) {
                return new SoapClient.Answer(SoapClient.Kind.ACK, "AA");
            }
            String error = field(ack, "ERR", 5);
            return new SoapClient.Answer(
                    SoapClient.Kind.FAULT, code + " " + (error == null ? "" : error.split("\\^")[0]));
        } catch (IOException | LLPException e) {
            close();
            return new SoapClient.Answer(SoapClient.Kind.ERROR, e.getClass().getSimpleName());
        }
    }

    private Connection connection() throws IOException, LLPException {
        Connection c = connections.get();
        if (c == null) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.setTcpNoDelay(true);
            MinLowerLayerProtocol llp = new MinLowerLayerProtocol();
            c = new Connection(socket, llp.getWriter(socket.getOutputStream()), llp.getReader(socket.getInputStream()));
            connections.set(c);
        }
        return c;
    }

    private void close() {
        Connection c = connections.get();
        connections.remove();
        if (c != null) {
            try {
                c.socket().close();
            } catch (IOException ignored) {
                // already broken
            }
        }
    }

    /** Field {@code n} of the first segment {@code name} of an ER7 text, or null. */
    static String field(String er7, String name, int n) {
        for (String segment : er7.split("[\r\n]+")) {
            if (segment.startsWith(name + "|")) {
                String[] fields = segment.split("\\|", -1);
                return n < fields.length && !fields[n].isEmpty() ? fields[n] : null;
            }
        }
        return null;
    }
}
