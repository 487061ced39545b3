package org.vermerk.app.records.xdomea;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The xdomea 3.0.0 schemas shipped on the classpath ({@code /xdomea/3.0.0/xdomea.xsd}, importing
 * {@code ../xoev/code/1_0/xoev-code.xsd}) and a validator for messages against them. The schemas
 * are read from the classpath only; external DTDs and schemas from elsewhere are refused.
 */
public final class Xdomea0605Schema {
    private static final String ROOT = "/xdomea/3.0.0/xdomea.xsd";

    private final Schema schema;

    private Xdomea0605Schema(Schema schema) {
        this.schema = schema;
    }

    /** Compiles the shipped schemas (about a second; keep the instance). */
    public static Xdomea0605Schema load() {
        URL root = Xdomea0605Schema.class.getResource(ROOT);
        if (root == null) {
            throw new IllegalStateException("the xdomea schemas are missing from the classpath: " + ROOT);
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,jrt");
            return new Xdomea0605Schema(factory.newSchema(new StreamSource(root.toExternalForm())));
        } catch (SAXException e) {
            throw new IllegalStateException("the shipped xdomea schemas do not compile: " + e.getMessage(), e);
        }
    }

    /** Validates one message; returns every problem found, empty when the message is valid. */
    public List<String> validate(InputStream message) throws IOException {
        List<String> problems = new ArrayList<>();
        Validator validator = schema.newValidator();
        try {
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {}

            @Override
            public void error(SAXParseException e) {
                problems.add(describe(e));
            }

            @Override
            public void fatalError(SAXParseException e) {
                problems.add(describe(e));
            }
        });
        try {
            validator.validate(new StreamSource(message));
        } catch (SAXException e) {
            if (problems.isEmpty()) {
                problems.add(e.getMessage());
            }
        }
        return List.copyOf(problems);
    }

    private static String describe(SAXParseException e) {
        return "line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + e.getMessage();
    }
}
