package io.brigade.desktop.kitchen;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.SourceDataLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The new-ticket chime: two short tones generated in memory (no media module, no sound file) and played on a
 * throwaway thread. A machine without audio (no mixer, no line, headless) just stays quiet.
 */
public final class KitchenSound {
    private static final Logger LOG = LoggerFactory.getLogger(KitchenSound.class);
    private static final float RATE = 22_050f;

    /** Plays the chime without waiting for it. */
    public void play() {
        Thread t = new Thread(KitchenSound::chime, "kitchen-chime");
        t.setDaemon(true);
        t.start();
    }

    /** Plays the chime on this thread: true when it was heard, false on a machine without audio. */
    static boolean chime() {
        try {
            AudioFormat format = new AudioFormat(RATE, 16, 1, true, false);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                line.open(format);
                line.start();
                byte[] a = tone(880, 120);
                byte[] b = tone(1320, 160);
                line.write(a, 0, a.length);
                line.write(b, 0, b.length);
                line.drain();
            }
            return true;
        } catch (Exception | LinkageError e) {
            LOG.debug("no audio on this machine; the new-ticket chime is silent", e);
            return false;
        }
    }

    /** A sine tone with a short fade in and out (no clicks), 16-bit little-endian mono. */
    static byte[] tone(double hz, int millis) {
        int samples = (int) (RATE * millis / 1000);
        byte[] out = new byte[samples * 2];
        int fade = samples / 10;
        for (int i = 0; i < samples; i++) {
            double envelope = Math.min(1.0, Math.min(i, samples - 1 - i) / (double) Math.max(1, fade));
            short v = (short) (Math.sin(2 * Math.PI * hz * i / RATE) * 0.4 * envelope * Short.MAX_VALUE);
            out[2 * i] = (byte) v;
            out[2 * i + 1] = (byte) (v >> 8);
        }
        return out;
    }
}
