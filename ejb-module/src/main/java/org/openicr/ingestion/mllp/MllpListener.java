package org.openicr.ingestion.mllp;

import ca.uhn.hl7v2.llp.HL7Reader;
import ca.uhn.hl7v2.llp.HL7Writer;
import ca.uhn.hl7v2.llp.LLPException;
import ca.uhn.hl7v2.llp.MinLowerLayerProtocol;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * HL7 v2 over MLLP (issue 21, item 7): a TCP listener started with the application and stopped when
 * it is undeployed, on {@link MllpSettings}' port and address (off unless a port is set). Framing
 * is HAPI HL7v2's own ({@link MinLowerLayerProtocol}: its reader and writer); each connection is
 * served on a thread from the container's {@link ManagedThreadFactory}, one message at a time, each
 * answered by {@link MllpIntake} after its message is committed. At most {@link #MAX_CONNECTIONS}
 * connections at once (more are closed on accept); a message over {@link #MAX_MESSAGE_BYTES} closes
 * its connection unanswered (the sender resends or splits it). TLS: docs/interface-guide.md.
 */
@Startup
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class MllpListener {

    private static final Logger LOG = Logger.getLogger(MllpListener.class.getName());

    /** As the SOAP door's limit (a discharge summary with a PDF fits easily). */
    static final int MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

    static final int MAX_CONNECTIONS = 64;

    /** A connection with nothing to say for this long is closed (senders reconnect). */
    static final int IDLE_MILLIS = 10 * 60 * 1000;

    @Resource
    ManagedThreadFactory threads;

    @EJB
    MllpIntake intake;

    private volatile ServerSocket server;
    private ThreadPoolExecutor connections;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private MllpSettings settings;

    @PostConstruct
    void start() {
        try {
            settings = MllpSettings.from(System::getenv);
        } catch (IllegalArgumentException unreadable) {
            LOG.severe("The MLLP listener is not started: " + unreadable.getMessage());
            return;
        }
        if (settings.port() == null) {
            LOG.info("The MLLP listener is off (" + MllpSettings.PORT + " is not set).");
            return;
        }
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(settings.bindAddress(), settings.port()), 50);
            server = socket;
        } catch (IOException e) {
            LOG.log(
                    Level.SEVERE,
                    "The MLLP listener could not listen on "
                            + settings.bindAddress().getHostAddress() + ":" + settings.port()
                            + "; HL7 v2 over MLLP is not received",
                    e);
            return;
        }
        connections =
                new ThreadPoolExecutor(0, MAX_CONNECTIONS, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        threads.newThread(this::accept).start();
        LOG.info("The MLLP listener listens on " + settings.bindAddress().getHostAddress() + ":" + settings.port()
                + " for " + settings.senders().size() + " sender(s).");
    }

    @PreDestroy
    void stop() {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        for (Socket connection : open) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing
            }
        }
        if (connections != null) {
            connections.shutdownNow();
        }
    }

    private void accept() {
        while (server != null) {
            Socket connection;
            try {
                connection = server.accept();
            } catch (IOException e) {
                if (server != null) {
                    LOG.log(Level.WARNING, "The MLLP listener could not accept a connection", e);
                    continue;
                }
                return;
            }
            try {
                connections.execute(() -> serve(connection));
            } catch (RejectedExecutionException full) {
                LOG.warning(
                        "MLLP connection from " + connection.getInetAddress().getHostAddress() + " closed: already "
                                + MAX_CONNECTIONS + " connections");
                close(connection);
            }
        }
    }

    private void serve(Socket connection) {
        open.add(connection);
        try {
            connection.setSoTimeout(IDLE_MILLIS);
            connection.setTcpNoDelay(true);
            MinLowerLayerProtocol llp = new MinLowerLayerProtocol();
            Limited in = new Limited(connection.getInputStream());
            HL7Reader reader = llp.getReader(in);
            HL7Writer writer = llp.getWriter(connection.getOutputStream());
            while (server != null) {
                String message = reader.getMessage();
                if (message == null) {
                    return;
                }
                Instant receivedAt = Instant.now();
                in.reset();
                writer.writeMessage(intake.answer(message, connection.getInetAddress(), receivedAt, settings));
            }
        } catch (TooLarge e) {
            LOG.warning("MLLP connection from " + connection.getInetAddress().getHostAddress()
                    + " closed: a message over " + MAX_MESSAGE_BYTES + " bytes");
        } catch (SocketException | java.net.SocketTimeoutException closed) {
            // the sender or the listener closed it, or it was idle
        } catch (RuntimeException failed) {
            // The record could not answer (its database gone, say): the sender gets no ACK and
            // resends; MSH-10 makes the resend harmless. No message content in the log.
            LOG.log(
                    Level.WARNING,
                    "MLLP connection from " + connection.getInetAddress().getHostAddress()
                            + " closed: a message could not be answered",
                    failed);
        } catch (IOException | LLPException e) {
            // No message content in the log: only what broke the connection.
            LOG.log(
                    Level.FINE,
                    "MLLP connection from " + connection.getInetAddress().getHostAddress() + " ended",
                    e);
        } finally {
            open.remove(connection);
            close(connection);
        }
    }

    private static void close(Socket connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    /** A message over the limit. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    /** Counts the bytes of the message being read and stops at the limit ({@link #reset} per message). */
    private static final class Limited extends FilterInputStream {
        private long count;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && ++count > MAX_MESSAGE_BYTES) {
                throw new TooLarge();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0 && (count += n) > MAX_MESSAGE_BYTES) {
                throw new TooLarge();
            }
            return n;
        }

        @Override
        public synchronized void reset() {
            count = 0;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
