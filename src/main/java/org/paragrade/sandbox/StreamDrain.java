package org.paragrade.sandbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a stream continuously on its own thread, keeping at most {@code cap} bytes. */
final class StreamDrain {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread thread;

    StreamDrain(InputStream in, int cap) {
        thread = new Thread(() -> {
            byte[] buf = new byte[65536];
            try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                    synchronized (kept) {
                        int room = cap - kept.size();
                        if (room > 0) {
                            kept.write(buf, 0, Math.min(n, room));
                        }
                    }
                }
            } catch (IOException e) {
                // closed: the run is over
            }
        }, "sandbox-drain");
        thread.setDaemon(true);
        thread.start();
    }

    /** What was kept, once the stream ended (or after 5 s, whatever arrived by then). */
    byte[] finish() {
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (kept) {
            return kept.toByteArray();
        }
    }
}
