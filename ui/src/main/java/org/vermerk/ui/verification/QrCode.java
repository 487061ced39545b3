package org.vermerk.ui.verification;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/**
 * A QR code (ZXing) as its square of modules, without a quiet zone; the view draws it. Plain Java,
 * so it is tested without the toolkit.
 */
public final class QrCode {
    private final BitMatrix matrix;

    private QrCode(BitMatrix matrix) {
        this.matrix = matrix;
    }

    /** The code for {@code content}, error correction level M. */
    public static QrCode encode(String content) {
        try {
            return new QrCode(new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            0,
                            0,
                            Map.of(EncodeHintType.MARGIN, 0, EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M)));
        } catch (WriterException e) {
            throw new IllegalArgumentException("not encodable as a QR code", e);
        }
    }

    /** Modules per side. */
    public int size() {
        return matrix.getWidth();
    }

    public boolean dark(int x, int y) {
        return matrix.get(x, y);
    }
}
