package io.buildanalytics.localengine;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Test helper: whether something accepts connections on a loopback port. */
final class Ports {

    private Ports() {
    }

    static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
