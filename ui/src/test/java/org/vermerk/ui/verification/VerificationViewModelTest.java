package org.vermerk.ui.verification;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.vermerk.app.conversation.ConversationException;
import org.vermerk.app.conversation.TrustState;
import org.vermerk.ui.core.UiText;
import org.vermerk.ui.testing.SameThreadExecutor;

/** The verification ViewModel without the toolkit: number in lines, QR content, marking verified. */
class VerificationViewModelTest {
    private static final String NUMBER = "12345 67890 11111 22222 33333 44444 55555 66666 77777 88888 99999 00000";

    private final List<String> verified = new ArrayList<>();
    private TrustState state = TrustState.TRUSTED_ON_FIRST_USE;
    private Exception failure;

    private final ContactVerifier verifier = new ContactVerifier() {
        @Override
        public SafetyInfo load(String userId) throws Exception {
            if (failure != null) {
                throw failure;
            }
            return new SafetyInfo(userId, "Ben Krüger", NUMBER, state);
        }

        @Override
        public TrustState markVerified(String userId) {
            verified.add(userId);
            state = TrustState.VERIFIED;
            return state;
        }
    };

    @Test
    void loadsTheNumberInThreeLinesOfFourGroupsAndTheQrContent() {
        VerificationViewModel model = new VerificationViewModel(verifier, "ben@bmi.example", new SameThreadExecutor());
        assertThat(model.qrContent()).as("nothing before loading").isEmpty();
        model.load();
        assertThat(model.displayNameProperty().get()).isEqualTo("Ben Krüger");
        assertThat(model.lines())
                .containsExactly(
                        "12345  67890  11111  22222", "33333  44444  55555  66666", "77777  88888  99999  00000");
        assertThat(model.qrContent()).isEqualTo("VERMERK-SN:1:" + NUMBER.replace(" ", ""));
        assertThat(model.trustProperty().get()).isEqualTo(TrustState.TRUSTED_ON_FIRST_USE);
        assertThat(model.statusProperty().get()).isNull();
    }

    @Test
    void markingVerifiedAsksTheEngineAndShowsTheNewState() {
        VerificationViewModel model = new VerificationViewModel(verifier, "ben@bmi.example", new SameThreadExecutor());
        model.markVerified();
        assertThat(verified).as("not before the number is loaded").isEmpty();
        model.load();
        model.markVerified();
        assertThat(verified).containsExactly("ben@bmi.example");
        assertThat(model.trustProperty().get()).isEqualTo(TrustState.VERIFIED);
        assertThat(model.statusProperty().get()).isEqualTo(UiText.of("verification.done"));
    }

    @Test
    void aFailureIsShownAsText() {
        failure = new ConversationException("ben@bmi.example has no enrolled devices");
        VerificationViewModel model = new VerificationViewModel(verifier, "ben@bmi.example", new SameThreadExecutor());
        model.load();
        assertThat(model.statusProperty().get())
                .isEqualTo(UiText.of("people.error.conversation", "ben@bmi.example has no enrolled devices"));
        assertThat(model.busyProperty().get()).isFalse();
    }

    @Test
    void theQrCodeReadsBackAsTheContent() throws Exception {
        String content = "VERMERK-SN:1:" + NUMBER.replace(" ", "");
        QrCode code = QrCode.encode(content);
        int quiet = 4;
        int scale = 4;
        int side = (code.size() + 2 * quiet) * scale;
        int[] pixels = new int[side * side];
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int mx = x / scale - quiet;
                int my = y / scale - quiet;
                boolean dark = mx >= 0 && my >= 0 && mx < code.size() && my < code.size() && code.dark(mx, my);
                pixels[y * side + x] = dark ? 0xff000000 : 0xffffffff;
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(side, side, pixels)));
        assertThat(new QRCodeReader()
                        .decode(bitmap, java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE))
                        .getText())
                .isEqualTo(content);
    }
}
