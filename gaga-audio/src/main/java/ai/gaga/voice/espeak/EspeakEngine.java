package ai.gaga.voice.espeak;

import ai.gaga.UnsupportedLanguageException;
import ai.gaga.audio.PcmAudio;
import ai.gaga.audio.processing.Resampler;
import ai.gaga.voice.PhoneTiming;
import ai.gaga.voice.SpeechEngine;
import ai.gaga.voice.SpeechRequest;
import ai.gaga.voice.Utterance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Speaks through the espeak-ng binary, one process per line (GPL: run, never linked). Output is resampled from espeak's
 * 22050 Hz to 48 kHz; phone timings are derived by {@link PhoneAligner} from espeak's IPA and the audio's pauses.
 * Chinese Hanzi are read as tone-numbered pinyin ({@link PinyinText}) with the {@code cmn-latn-pinyin} voice.
 *
 * <p>Thread-safe: each call runs its own processes.
 */
public final class EspeakEngine implements SpeechEngine {
    /** Engine id. */
    public static final String ID = "espeak";
    private static final Logger LOG = LoggerFactory.getLogger(EspeakEngine.class);
    private static final String PINYIN_VOICE = "cmn-latn-pinyin";

    private final Path binary;
    private final EspeakVoices voices;

    private EspeakEngine(Path binary, EspeakVoices voices) {
        this.binary = binary;
        this.voices = voices;
    }

    /**
     * An engine over the installed espeak-ng.
     *
     * @throws ai.gaga.GagaException with an install hint when the binary is missing
     */
    public static EspeakEngine create() {
        Path binary = EspeakProcess.binary();
        if (!EspeakProcess.available(binary)) {
            throw new ai.gaga.GagaException("espeak-ng not found (" + binary + "): " + EspeakProcess.INSTALL_HINT);
        }
        return new EspeakEngine(binary, EspeakVoices.installed());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Utterance synthesize(SpeechRequest request) {
        String voice = voiceFor(request);
        String text = voice.equals(PINYIN_VOICE) ? PinyinText.toPinyin(request.text()) : request.text();
        EspeakProsody prosody = EspeakProsody.of(request);
        long t0 = System.nanoTime();
        byte[] wav = EspeakProcess.run(binary, List.of("--stdout", "-v", voice + (prosody.whisper() ? "+whisper" : ""),
                "-s", Integer.toString(prosody.speed()), "-p", Integer.toString(prosody.pitch()),
                "-a", Integer.toString(prosody.amplitude())), text);
        PcmAudio audio = Resampler.resample(EspeakWav.decode(wav), PcmAudio.STANDARD_RATE);
        String ipa = new String(EspeakProcess.run(binary, List.of("-q", "--ipa", "-v", voice), text),
                StandardCharsets.UTF_8);
        if (voice.equals(PINYIN_VOICE)) {
            // espeak 1.51's --ipa turns Mandarin tone contours into digits and "ɜ" (the 3 of tone 35); its Mandarin
            // phonemes have no ɜ vowel, so it is dropped like the other tone digits.
            ipa = ipa.replace("ɜ", "");
        }
        List<List<String>> ipaWords = IpaPhones.words(ipa);
        List<PhoneTiming> phones = PhoneAligner.align(ipaWords, audio);
        if (LOG.isDebugEnabled()) {
            LOG.debug("espeak {} [{}] {} chars -> {} in {} ms", voice, prosody, text.length(), audio,
                    (System.nanoTime() - t0) / 1_000_000);
        }
        // espeak's words, as it wrote them in IPA (it may join short words: LineSpeaker then estimates the text's)
        return new Utterance(audio, phones, ID).withWords(PhoneAligner.words(ipaWords, phones));
    }

    /**
     * The espeak voice: the request's voice name if given, else its full language tag if espeak has it (fr-be),
     * else the primary language; Chinese always through pinyin.
     */
    String voiceFor(SpeechRequest request) {
        String primary = request.voice().primaryLanguage();
        if (request.voice().voiceName().isPresent()) {
            return request.voice().voiceName().get();
        }
        if (primary.equals("zh") || primary.equals("cmn")) {
            return PINYIN_VOICE;
        }
        String full = request.voice().language().toLowerCase(Locale.ROOT);
        if (voices.names().contains(full)) {
            return full;
        }
        if (voices.languages().contains(primary)) {
            return primary;
        }
        throw new UnsupportedLanguageException(request.voice().language(),
                List.of(ID + ": " + String.join(", ", voices.languages())));
    }
}
