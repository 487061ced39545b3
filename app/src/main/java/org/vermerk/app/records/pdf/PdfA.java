package org.vermerk.app.records.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import java.util.UUID;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * What makes the transcript PDF/A-2b (ISO 19005-2, level B) besides embedded fonts: XMP metadata
 * that identifies the part and conformance and repeats the document information, an sRGB output
 * intent, and a file identifier. The sRGB ICC profile is the JDK's own ({@link ICC_Profile}
 * CS_sRGB): PDFBox ships none, and veraPDF accepts the JDK's.
 */
final class PdfA {
    static final String OUTPUT_CONDITION = "sRGB IEC61966-2.1";

    private PdfA() {}

    record Info(String title, String author, String subject, String producer, Instant created, UUID fileId) {}

    static void apply(PDDocument document, Info info) throws IOException {
        Calendar created = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        created.setTimeInMillis(info.created().toEpochMilli() / 1000 * 1000);

        PDDocumentInformation documentInfo = document.getDocumentInformation();
        documentInfo.setTitle(info.title());
        documentInfo.setAuthor(info.author());
        documentInfo.setSubject(info.subject());
        documentInfo.setCreator(info.producer());
        documentInfo.setProducer(info.producer());
        documentInfo.setCreationDate(created);

        XMPMetadata xmp = XMPMetadata.createXMPMetadata();
        DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
        dc.setTitle(info.title());
        dc.addCreator(info.author());
        dc.setDescription(info.subject());
        XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
        basic.setCreatorTool(info.producer());
        basic.setCreateDate(created);
        AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
        pdf.setProducer(info.producer());
        PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
        id.setPart(2);
        try {
            id.setConformance("B");
        } catch (BadFieldValueException e) {
            throw new IllegalStateException(e);
        }
        ByteArrayOutputStream serialized = new ByteArrayOutputStream();
        try {
            new XmpSerializer().serialize(xmp, serialized, true);
        } catch (javax.xml.transform.TransformerException e) {
            throw new IOException("cannot write the XMP metadata", e);
        }
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(serialized.toByteArray());
        catalog.setMetadata(metadata);
        catalog.setLanguage("de-DE");

        PDOutputIntent intent = new PDOutputIntent(
                document,
                new ByteArrayInputStream(
                        ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
        intent.setInfo(OUTPUT_CONDITION);
        intent.setOutputCondition(OUTPUT_CONDITION);
        intent.setOutputConditionIdentifier(OUTPUT_CONDITION);
        intent.setRegistryName("http://www.color.org");
        catalog.addOutputIntent(intent);

        byte[] fileId = ByteBuffer.allocate(16)
                .putLong(info.fileId().getMostSignificantBits())
                .putLong(info.fileId().getLeastSignificantBits())
                .array();
        COSArray ids = new COSArray();
        ids.add(new COSString(fileId));
        ids.add(new COSString(fileId));
        document.getDocument().setDocumentID(ids);
    }
}
