package org.vermerk.app.records.xdomea;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vermerk.app.records.Classification;
import org.vermerk.app.records.ExportedPackage;
import org.vermerk.app.records.RecordFixtures;
import org.vermerk.app.records.TestSigners;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The FVDaten.SGOAblegen.0605 message validates against the copied xdomea 3.0.0 schemas (resolving
 * their ../xoev import from the classpath), carries Betreff, Kennzeichen and Vertraulichkeitsstufe,
 * and names a Primärdokument for every file of the package; a damaged message fails validation.
 */
class Xdomea0605SchemaTest {
    private static Xdomea0605Schema schema;

    @TempDir
    Path dir;

    @BeforeAll
    static void loadSchema() {
        schema = Xdomea0605Schema.load();
    }

    private ExportedPackage export(Classification classification, boolean attachments) throws Exception {
        return ExportedPackage.read(RecordFixtures.exporter(TestSigners.ed25519("CN=Test"))
                .export(RecordFixtures.request(classification, attachments), dir));
    }

    @Test
    void messageValidatesAgainstTheXdomeaSchemas() throws Exception {
        for (Classification classification : Classification.values()) {
            for (boolean attachments : new boolean[] {true, false}) {
                ExportedPackage pkg = export(classification, attachments);
                byte[] xml = pkg.endingWith("_FVDaten.SGOAblegen.0605.xml");
                assertThat(schema.validate(new ByteArrayInputStream(xml)))
                        .as("%s, attachments %s", classification, attachments)
                        .isEmpty();
            }
        }
    }

    @Test
    void messageDescribesTheDocumentAndEveryFile() throws Exception {
        ExportedPackage pkg = export(Classification.VS_NFD, true);
        Document xml = DocumentBuilderFactory.newNSInstance()
                .newDocumentBuilder()
                .parse(new ByteArrayInputStream(pkg.endingWith(".xml")));
        XPath xpath = XPathFactory.newInstance().newXPath();
        xpath.setNamespaceContext(new javax.xml.namespace.NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return Xdomea0605Writer.NAMESPACE;
            }

            @Override
            public String getPrefix(String uri) {
                return "x";
            }

            @Override
            public java.util.Iterator<String> getPrefixes(String uri) {
                return java.util.List.of("x").iterator();
            }
        });
        String document = "/x:FVDaten.SGOAblegen.0605/x:SchriftgutobjektZumAblegen/x:Schriftgutobjekt/x:Dokument";
        assertThat(xpath.evaluate(document + "/x:AllgemeineMetadaten/x:Betreff", xml))
                .isEqualTo("Größenänderung der Rechenzentrumsfläche – Abstimmung mit dem BSI");
        assertThat(xpath.evaluate(document + "/x:AllgemeineMetadaten/x:Kennzeichen", xml))
                .isEqualTo("CI 3 - 12345/6#7");
        assertThat(xpath.evaluate(document + "/x:AllgemeineMetadaten/x:Vertraulichkeitsstufe/code", xml))
                .isEqualTo("002");
        assertThat(xpath.evaluate("/x:FVDaten.SGOAblegen.0605/x:Kopf/x:Nachrichtentyp/code", xml))
                .isEqualTo("0605");
        String processId = xpath.evaluate("/x:FVDaten.SGOAblegen.0605/x:Kopf/x:ProzessID", xml);
        assertThat(pkg.nameEndingWith(".xml")).isEqualTo(processId + "_FVDaten.SGOAblegen.0605.xml");
        NodeList files = (NodeList) xpath.evaluate("//x:Primaerdokument/x:Dateiname", xml, XPathConstants.NODESET);
        java.util.Set<String> named = new java.util.HashSet<>();
        for (int i = 0; i < files.getLength(); i++) {
            named.add(files.item(i).getTextContent());
        }
        java.util.Set<String> primary = new java.util.HashSet<>(pkg.entries().keySet());
        primary.remove(pkg.nameEndingWith(".xml"));
        primary.remove("manifest.json");
        primary.remove("manifest.json.p7s");
        assertThat(named).isEqualTo(primary);
        assertThat(xpath.evaluate("count(" + document + "/x:Empfaenger)", xml)).isEqualTo("3");
        assertThat(xpath.evaluate("count(" + document + "/x:Absender)", xml)).isEqualTo("3");
    }

    @Test
    void aDamagedMessageFailsValidation() throws Exception {
        String xml = new String(export(Classification.VS_NFD, true).endingWith(".xml"), StandardCharsets.UTF_8);
        String badCode = xml.replace("<code>002</code>", "<code>009</code>");
        String missingHead = xml.replaceAll("(?s)<xdomea:Erstellerkennung>.*?</xdomea:Erstellerkennung>", "");

        assertThat(schema.validate(new ByteArrayInputStream(badCode.getBytes(StandardCharsets.UTF_8))))
                .isNotEmpty();
        assertThat(schema.validate(new ByteArrayInputStream(missingHead.getBytes(StandardCharsets.UTF_8))))
                .isNotEmpty();
    }
}
