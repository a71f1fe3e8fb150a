package io.buildanalytics.shipper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP pass-through in front of an engine that a test can unplug and plug back on the same port: unplugging
 * resets every open connection (requests in flight included, whether or not the engine already processed them)
 * and refuses new ones, exactly what a shipper sees when its engine goes away and comes back.
 */
final class Cable implements AutoCloseable {

    private final InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket listener;

    Cable(URI engine) throws IOException {
        this.target = new InetSocketAddress(engine.getHost(), engine.getPort());
        ServerSocket first = bind(0);
        this.port = first.getLocalPort();
        serve(first);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    synchronized void unplug() throws IOException {
        if (listener != null) {
            listener.close();
            listener = null;
        }
        for (Socket socket : open) {
            socket.close();
        }
        open.clear();
    }

    synchronized void plugIn() throws IOException {
        if (listener == null) {
            serve(bind(port));
        }
    }

    @Override
    public void close() throws IOException {
        unplug();
    }

    private static ServerSocket bind(int port) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        return socket;
    }

    private void serve(ServerSocket socket) {
        listener = socket;
        Thread acceptor = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket engine = new Socket();
                    engine.connect(target, 2_000);
                    open.add(client);
                    open.add(engine);
                    pump(client, engine);
                    pump(engine, client);
                } catch (IOException closed) {
                    return;
                }
            }
        }, "cable-acceptor-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void pump(Socket from, Socket to) {
        Thread pump = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, read);
                    out.flush();
                }
            } catch (IOException reset) {
                // One side went away: close both, like a real broken connection.
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "cable-pump");
        pump.setDaemon(true);
        pump.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
