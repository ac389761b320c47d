package io.brigade.desktop.kitchen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The new-ticket chime is generated in memory and never fails, speakers or not (tests run headless). */
class KitchenSoundTest {

    @Test
    void chimeOnAMachineWithoutAudioIsSilentNotAnError() throws Exception {
        // On this thread, so a failure would surface here: headless test machines have no audio line.
        KitchenSound.chime(); // throws here if a missing line or mixer were not handled
    }

    @Test
    void toneIsSixteenBitMonoAtTheSampleRateAndFadesInFromSilence() {
        byte[] tone = KitchenSound.tone(880, 100);
        assertEquals(2 * 2205, tone.length, "22,050 samples a second, two bytes each");
        assertEquals(0, tone[0]);
        assertEquals(0, tone[1]);
        int loudest = 0;
        for (int i = 0; i < tone.length; i += 2) {
            loudest = Math.max(loudest, Math.abs((short) ((tone[i] & 0xff) | (tone[i + 1] << 8))));
        }
        assertTrue(loudest > 10_000 && loudest < 14_000, "40% of full scale: " + loudest);
    }
}
