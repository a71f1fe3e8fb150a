package io.buildanalytics.shipper.backend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A small HTTP proxy: absolute-form requests are forwarded (as origin-form) and CONNECT opens a tunnel, both to
 * the address {@code route} gives for the requested host and port, so an engine URL with an unresolvable host
 * works only through this proxy. It records every request line, can demand Basic credentials (answering 407),
 * and handles one request per client connection (it tells both sides {@code Connection: close}).
 */
final class RecordingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Function<String, InetSocketAddress> route;
    private final String expectedCredentials;
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final AtomicInteger challenges = new AtomicInteger();

    /**
     * @param route    "host:port" as requested → where to connect
     * @param user     required proxy user, or null for an open proxy
     * @param password required password
     */
    RecordingProxy(Function<String, InetSocketAddress> route, String user, String password) throws IOException {
        this.route = route;
        this.expectedCredentials = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::acceptLoop);
    }

    /** Routes every requested host to one address. */
    static Function<String, InetSocketAddress> everythingTo(URI target) {
        return hostPort -> new InetSocketAddress(InetAddress.getLoopbackAddress(), target.getPort());
    }

    int port() {
        return server.getLocalPort();
    }

    /** Request lines as received, e.g. {@code GET http://engine.invalid:9200/ HTTP/1.1}. */
    List<String> requestLines() {
        return List.copyOf(requestLines);
    }

    /** How many 407 challenges were sent. */
    int challenges() {
        return challenges.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            List<String> head = readHead(in);
            if (head.isEmpty()) {
                return;
            }
            String requestLine = head.get(0);
            requestLines.add(requestLine);
            if (expectedCredentials != null && !expectedCredentials.equals(header(head, "proxy-authorization"))) {
                challenges.incrementAndGet();
                write(client.getOutputStream(), "HTTP/1.1 407 Proxy Authentication Required\r\n"
                        + "Proxy-Authenticate: Basic realm=\"test proxy\"\r\nContent-Length: 0\r\n"
                        + "Connection: close\r\n\r\n");
                return;
            }
            String[] parts = requestLine.split(" ");
            if (parts[0].equals("CONNECT")) {
                tunnel(client, in, parts[1]);
            } else {
                forward(client, in, parts, head);
            }
        } catch (IOException ignored) {
            // The client or the target went away; nothing to report from a test proxy.
        }
    }

    private void tunnel(Socket client, InputStream in, String hostPort) throws IOException {
        try (Socket upstream = new Socket()) {
            upstream.connect(route.apply(hostPort), 5_000);
            write(client.getOutputStream(), "HTTP/1.1 200 Connection established\r\n\r\n");
            pipeBothWays(client, in, upstream);
        }
    }

    private void forward(Socket client, InputStream in, String[] requestLine, List<String> head) throws IOException {
        URI target = URI.create(requestLine[1]);
        int port = target.getPort() < 0 ? 80 : target.getPort();
        String originForm = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        StringBuilder forwarded = new StringBuilder(requestLine[0] + " " + originForm + " " + requestLine[2] + "\r\n");
        for (String line : head.subList(1, head.size())) {
            String name = line.substring(0, Math.max(line.indexOf(':'), 0)).toLowerCase(Locale.ROOT);
            if (!name.startsWith("proxy-") && !name.equals("connection")) {
                forwarded.append(line).append("\r\n");
            }
        }
        forwarded.append("Connection: close\r\n\r\n");
        try (Socket upstream = new Socket()) {
            upstream.connect(route.apply(target.getHost() + ":" + port), 5_000);
            write(upstream.getOutputStream(), forwarded.toString());
            threads.execute(() -> copy(in, upstream));
            InputStream fromUpstream = upstream.getInputStream();
            List<String> responseHead = readHead(fromUpstream);
            StringBuilder response = new StringBuilder();
            for (String line : responseHead) {
                if (!line.toLowerCase(Locale.ROOT).startsWith("connection:")) {
                    response.append(line).append("\r\n");
                }
            }
            response.append("Connection: close\r\n\r\n");
            OutputStream out = client.getOutputStream();
            write(out, response.toString());
            fromUpstream.transferTo(out);
            out.flush();
        }
    }

    private void pipeBothWays(Socket client, InputStream in, Socket upstream) throws IOException {
        threads.execute(() -> copy(in, upstream));
        upstream.getInputStream().transferTo(client.getOutputStream());
    }

    private static void copy(InputStream from, Socket to) {
        try {
            from.transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException ignored) {
            // One side closed: the other copy ends too.
        }
    }

    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
                line.reset();
            } else {
                line.write(b);
            }
        }
        return lines;
    }

    private static String header(List<String> head, String name) {
        for (String line : head.subList(1, head.size())) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
