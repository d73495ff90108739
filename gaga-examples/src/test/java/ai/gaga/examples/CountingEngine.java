package ai.gaga.examples;

import ai.gaga.audio.PcmAudio;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test fake beside the real engines: a tone per line, 60 ms per character, one phone per word; counts what it is
 * asked. Fast, so tests of the render's plumbing (plan reuse, output safety) do not wait for a real voice.
 */
final class CountingEngine implements SpeechEngine {
    final AtomicInteger spoken = new AtomicInteger();
    final AtomicInteger timed = new AtomicInteger();
    private final boolean timesWithoutSpeaking;

    CountingEngine(boolean timesWithoutSpeaking) {
        this.timesWithoutSpeaking = timesWithoutSpeaking;
    }

    @Override
    public String id() {
        return "counting";
    }

    @Override
    public boolean timesWithoutSpeaking() {
        return timesWithoutSpeaking;
    }

    @Override
    public Utterance synthesize(SpeechRequest request) {
        spoken.incrementAndGet();
        return utterance(request, true);
    }

    @Override
    public Utterance time(SpeechRequest request) {
        if (!timesWithoutSpeaking) {
            return synthesize(request);
        }
        timed.incrementAndGet();
        return utterance(request, false);
    }

    private Utterance utterance(SpeechRequest request, boolean sound) {
        int rate = PcmAudio.STANDARD_RATE;
        double seconds = 0.06 * request.text().length();
        float[] samples = new float[(int) Math.round(seconds * rate)];
        if (sound) {
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (float) (0.3 * Math.sin(2 * Math.PI * 220 * i / rate));
            }
        }
        String[] words = request.text().trim().split("\\s+");
        List<PhoneTiming> phones = new ArrayList<>();
        double step = seconds / words.length;
        for (int w = 0; w < words.length; w++) {
            phones.add(new PhoneTiming("a", w * step, (w + 1) * step));
        }
        return new Utterance(new PcmAudio(samples, rate, 1), phones, id());
    }
}
