package org.iskra.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A small real SMTP server for tests that need replies GreenMail does not give: it answers {@code 550} to RCPT TO for
 * the addresses {@code refuses} matches, accepts the rest and keeps each accepted message (envelope recipient and
 * the raw data). Enough of RFC 5321 for JavaMail: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT, several messages
 * per connection. It listens on {@link MailServer#PORT}, where the test applications send their mail, while its
 * test class runs.
 */
public final class SmtpSink implements BeforeAllCallback, AfterAllCallback {

    /** An accepted message: to whom, and its data as sent (headers and body). */
    public record Received(String recipient, String data) {
    }

    private final int port = MailServer.PORT;
    private final Predicate<String> refuses;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> refused = new CopyOnWriteArrayList<>();
    private final ExecutorService connections = Executors.newCachedThreadPool();
    private ServerSocket server;

    public SmtpSink(Predicate<String> refuses) {
        this.refuses = refuses;
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    /** The recipients refused so far, once per attempt. */
    public List<String> refused() {
        return List.copyOf(refused);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        server = new ServerSocket(port, 50, java.net.InetAddress.getLoopbackAddress());
        connections.submit(() -> {
            while (!server.isClosed()) {
                try {
                    Socket socket = server.accept();
                    connections.submit(() -> converse(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        });
    }

    private void converse(Socket socket) {
        try (socket;
             BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
             OutputStream out = socket.getOutputStream()) {
            reply(out, "220 sink ESMTP");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (command) {
                    case "EHLO" -> reply(out, "250-sink\r\n250 8BITMIME");
                    case "HELO" -> reply(out, "250 sink");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'));
                        if (refuses.test(address)) {
                            refused.add(address);
                            reply(out, "550 5.1.1 <" + address + ">: Recipient address rejected: User unknown");
                        } else {
                            recipients.add(address);
                            reply(out, "250 OK");
                        }
                    }
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        StringBuilder data = new StringBuilder();
                        for (String d = in.readLine(); d != null && !d.equals("."); d = in.readLine()) {
                            data.append(d.startsWith("..") ? d.substring(1) : d).append("\r\n");
                        }
                        for (String recipient : recipients) {
                            received.add(new Received(recipient, data.toString()));
                        }
                        recipients.clear();
                        reply(out, "250 OK queued");
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "250 OK");
                }
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
