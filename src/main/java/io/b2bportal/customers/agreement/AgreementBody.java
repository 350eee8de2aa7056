package io.b2bportal.customers.agreement;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The text of a supply agreement version: XHTML clauses with {@code {{placeholders}}} for the parties and the
 * terms. A version is published by staff as data, so its body is checked here before it is stored: well-formed
 * XML (the PDF library reads nothing else), a short list of text elements without styles, links or images, and
 * only known placeholders. The values are inserted as escaped text, never as markup or expressions.
 */
public final class AgreementBody {

    /** The placeholders a body may use, each filled in by {@link AgreementRenderer}. */
    public static final Set<String> PLACEHOLDERS = Set.of(
            "seller.name", "seller.inn", "seller.kpp",
            "buyer.name", "buyer.inn", "buyer.kpp", "buyer.ogrn", "buyer.legalAddress",
            "contract.number", "contract.date", "agreement.version",
            "terms.priceType", "terms.payment", "terms.delivery", "terms.minOrder", "terms.creditLimit");

    private static final Set<String> ELEMENTS = Set.of("p", "h2", "h3", "ol", "ul", "li", "b", "strong", "i", "em",
            "u", "br", "span", "div", "sup", "sub", "table", "thead", "tbody", "tr", "th", "td");
    private static final Set<String> ATTRIBUTES = Set.of("class", "colspan", "rowspan");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z.]+)\\s*}}");
    private static final String ROOT = "agreement-body";

    private AgreementBody() {
    }

    /** Why a body cannot be published, as message keys with arguments. */
    public record Problem(String messageKey, List<Object> args) {

        public Problem {
            args = List.copyOf(args);
        }

        static Problem of(String messageKey, Object... args) {
            return new Problem(messageKey, List.of(args));
        }

        public Object[] arguments() {
            return args.toArray();
        }
    }

    /** Everything wrong with a body; empty when it can be published. */
    public static List<Problem> check(String body) {
        List<Problem> problems = new ArrayList<>();
        Set<String> unknown = new LinkedHashSet<>(placeholders(body));
        unknown.removeAll(PLACEHOLDERS);
        if (!unknown.isEmpty()) {
            problems.add(Problem.of("customers.agreement.body.placeholder", String.join(", ", unknown),
                    String.join(", ", PLACEHOLDERS.stream().sorted().toList())));
        }
        try {
            Element root = parse(body);
            checkMarkup(root, problems);
        } catch (SAXParseException e) {
            problems.add(Problem.of("customers.agreement.body.xml", e.getLineNumber(), e.getMessage()));
        } catch (SAXException | IOException e) {
            problems.add(Problem.of("customers.agreement.body.xml", 0, e.getMessage()));
        }
        return problems;
    }

    /** The placeholder names a body uses, in order of first use. */
    public static Set<String> placeholders(String body) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(body);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    /** The body with every placeholder replaced by its value, escaped as XML text; a missing value prints "—". */
    static String fill(String body, Map<String, String> values) {
        return PLACEHOLDER.matcher(body).replaceAll(match -> Matcher.quoteReplacement(
                escape(values.getOrDefault(match.group(1), "—"))));
    }

    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static void checkMarkup(Node node, List<Problem> problems) {
        NodeList children = node.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node child = children.item(i);
            if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                problems.add(Problem.of("customers.agreement.body.element", "<?" + child.getNodeName() + "?>"));
            } else if (child instanceof Element element) {
                String name = element.getTagName();
                if (!ELEMENTS.contains(name)) {
                    problems.add(Problem.of("customers.agreement.body.element", "<" + name + ">"));
                    continue;
                }
                NamedNodeMap attributes = element.getAttributes();
                for (int a = 0; a < attributes.getLength(); a++) {
                    String attribute = attributes.item(a).getNodeName();
                    if (!ATTRIBUTES.contains(attribute)) {
                        problems.add(Problem.of("customers.agreement.body.attribute", attribute, "<" + name + ">"));
                    }
                }
                checkMarkup(element, problems);
            }
        }
    }

    private static Element parse(String body) throws SAXException, IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // no DOCTYPE, hence no entity definitions and no external entities: &#160; rather than &nbsp;
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new DefaultHandler()); // throws on fatal errors, prints nothing
            return builder.parse(new InputSource(new StringReader("<" + ROOT + ">" + body + "</" + ROOT + ">")))
                    .getDocumentElement();
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The JDK's XML parser supports secure processing", e);
        }
    }
}
