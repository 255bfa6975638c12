package io.labelledger.project.config;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses Label Studio's labeling config XML. The parser refuses DTDs and external entities (XXE), and bounds size
 * and depth, because configs come from users. SAX rather than DOM so that every error can name its line.
 */
public final class LabelingConfigParser {
    public static final int MAX_CHARS = 256 * 1024;
    public static final int MAX_DEPTH = 64;

    static final Set<String> OBJECT_TAGS = Set.of("Image", "Text", "HyperText", "Audio", "AudioPlus", "Video",
            "TimeSeries", "Paragraphs", "Table", "Pdf", "List", "Markdown");
    static final Set<String> CONTROL_TAGS = Set.of("Choices", "Labels", "RectangleLabels", "Rectangle",
            "PolygonLabels", "Polygon", "KeyPointLabels", "KeyPoint", "EllipseLabels", "Ellipse", "BrushLabels", "Brush",
            "TextArea", "Rating", "Number", "DateTime", "Taxonomy", "Relations", "Ranker", "Pairwise",
            "HyperTextLabels", "ParagraphLabels", "TimeSeriesLabels", "VideoRectangle", "MagicWand");
    /** Controls whose children name the allowed values. */
    static final Set<String> OPTION_CONTROLS = Set.of("Choices", "Labels", "RectangleLabels", "PolygonLabels",
            "KeyPointLabels", "EllipseLabels", "BrushLabels", "HyperTextLabels", "ParagraphLabels", "TimeSeriesLabels",
            "Taxonomy", "Relations");
    static final Set<String> OPTION_TAGS = Set.of("Choice", "Label", "Relation");

    private static final SAXParserFactory FACTORY = secureFactory();
    private static final java.util.regex.Pattern DATA_FIELD = java.util.regex.Pattern.compile("[\\p{L}\\p{N}_][\\p{L}\\p{N}_.\\-]*");
    /** Controls that only make sense on one kind of object: their results are regions of it. */
    static final Map<String, Set<String>> TARGETS = Map.ofEntries(
            Map.entry("RectangleLabels", Set.of("Image")), Map.entry("Rectangle", Set.of("Image")),
            Map.entry("PolygonLabels", Set.of("Image")), Map.entry("Polygon", Set.of("Image")),
            Map.entry("KeyPointLabels", Set.of("Image")), Map.entry("KeyPoint", Set.of("Image")),
            Map.entry("EllipseLabels", Set.of("Image")), Map.entry("Ellipse", Set.of("Image")),
            Map.entry("BrushLabels", Set.of("Image")), Map.entry("Brush", Set.of("Image")), Map.entry("MagicWand", Set.of("Image")),
            Map.entry("HyperTextLabels", Set.of("HyperText")), Map.entry("ParagraphLabels", Set.of("Paragraphs")),
            Map.entry("TimeSeriesLabels", Set.of("TimeSeries")), Map.entry("VideoRectangle", Set.of("Video")),
            Map.entry("Ranker", Set.of("List")));
    static final Set<String> VISIBLE_WHEN = Set.of("region-selected", "choice-selected", "choice-unselected", "no-region-selected");

    public LabelingConfig parse(String xml) {
        if (xml == null || xml.isBlank()) throw new InvalidLabelConfig("Labeling config is empty");
        if (xml.length() > MAX_CHARS) throw new InvalidLabelConfig("Labeling config is larger than " + MAX_CHARS + " characters");
        ConfigNode root = readTree(xml);
        if (!"View".equals(root.tag())) {
            throw new InvalidLabelConfig("Line " + root.line() + ": the root tag must be <View>, not <" + root.tag() + ">");
        }
        Collected found = new Collected();
        collect(root, found);
        validate(found.objects, found.controls);
        return new LabelingConfig(xml, root, found.objects, found.controls, found.relationLabels);
    }

    private static final class Collected {
        final List<ObjectTag> objects = new ArrayList<>();
        final List<ControlTag> controls = new ArrayList<>();
        Set<String> relationLabels;
    }

    private static void collect(ConfigNode node, Collected found) {
        String tag = node.tag();
        if (OBJECT_TAGS.contains(tag)) {
            String name = requireName(node);
            String value = node.attr("value");
            if (value == null) value = node.attr("valueList");
            String field = value != null && value.startsWith("$") ? value.substring(1) : null;
            if (field != null && !DATA_FIELD.matcher(field).matches()) {
                throw new InvalidLabelConfig("Line " + node.line() + ": <" + tag + " name=\"" + name + "\"> has "
                        + (node.attr("value") != null ? "value" : "valueList") + "=\"" + value
                        + "\"; a data field reference is $ and a field name (letters, digits, _ . -)");
            }
            found.objects.add(new ObjectTag(name, tag, field, node.line(), node.attributes()));
        } else if ("Relations".equals(tag) && node.attr("name") == null && node.attr("toName") == null) {
            // Label Studio's usual <Relations> has neither name nor toName: it lists the labels of relation results
            List<String> labels = new ArrayList<>();
            collectOptions(node, labels);
            if (found.relationLabels == null) found.relationLabels = new LinkedHashSet<>();
            found.relationLabels.addAll(labels);
        } else if (CONTROL_TAGS.contains(tag)) {
            found.controls.add(control(node, tag));
        }
        for (ConfigNode child : node.children()) collect(child, found);
    }

    private static ControlTag control(ConfigNode node, String tag) {
        String name = requireName(node);
        String toNameAttr = node.attr("toName");
        if (toNameAttr == null || toNameAttr.isBlank()) {
            throw new InvalidLabelConfig("Line " + node.line() + ": <" + tag + " name=\"" + name + "\"> needs a toName attribute");
        }
        List<String> toName = Arrays.stream(toNameAttr.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        List<String> options = new ArrayList<>();
        collectOptions(node, options);
        if (OPTION_CONTROLS.contains(tag) && !"Relations".equals(tag) && options.isEmpty()) {
            throw new InvalidLabelConfig("Line " + node.line() + ": <" + tag + " name=\"" + name + "\"> has no "
                    + ("Choices".equals(tag) || "Taxonomy".equals(tag) ? "<Choice>" : "<Label>") + " values");
        }
        Set<String> seen = new HashSet<>();
        for (String option : options) {
            if (!seen.add(option) && !"Taxonomy".equals(tag)) { // a taxonomy may repeat a leaf under two parents
                throw new InvalidLabelConfig("Line " + node.line() + ": <" + tag + " name=\"" + name + "\"> repeats the value \"" + option + "\"");
            }
        }
        String choice = node.attributes().getOrDefault("choice", "Choices".equals(tag) ? "single" : null);
        boolean required = "true".equalsIgnoreCase(node.attr("required"));
        Integer max = null;
        if ("Rating".equals(tag)) {
            max = node.attr("maxRating") == null ? 5 : wholeNumber(node, "maxRating", 1);
        }
        if ("TextArea".equals(tag) && node.attr("maxSubmissions") != null) wholeNumber(node, "maxSubmissions", 1);
        String visibleWhen = node.attr("visibleWhen");
        if (visibleWhen != null && !VISIBLE_WHEN.contains(visibleWhen)) {
            throw new InvalidLabelConfig("Line " + node.line() + ": <" + tag + " name=\"" + name + "\"> has visibleWhen=\"" + visibleWhen
                    + "\"; use " + String.join(", ", new java.util.TreeSet<>(VISIBLE_WHEN)));
        }
        if ("Number".equals(tag)) {
            Double min = decimal(node, "min"), maxValue = decimal(node, "max"), step = decimal(node, "step");
            if (min != null && maxValue != null && min > maxValue) {
                throw new InvalidLabelConfig("Line " + node.line() + ": <Number name=\"" + name + "\"> has min greater than max");
            }
            if (step != null && step <= 0) {
                throw new InvalidLabelConfig("Line " + node.line() + ": <Number name=\"" + name + "\"> has a step that is not positive");
            }
        }
        if ("DateTime".equals(tag)) {
            for (String part : DateTimeValue.parts(node.attr("only"))) {
                if (!DateTimeValue.PARTS.contains(part)) {
                    throw new InvalidLabelConfig("Line " + node.line() + ": <DateTime name=\"" + name + "\"> has only=\""
                            + node.attr("only") + "\"; use date, time, month or year");
                }
            }
            for (String bound : List.of("min", "max")) {
                String raw = node.attr(bound);
                if (raw != null && DateTimeValue.parse(raw, DateTimeValue.parts(node.attr("only"))) == null) {
                    throw new InvalidLabelConfig("Line " + node.line() + ": <DateTime name=\"" + name + "\"> " + bound + "=\"" + raw
                            + "\" is not " + DateTimeValue.shape(DateTimeValue.parts(node.attr("only"))));
                }
            }
        }
        Map<String, Integer> maxUsages = new LinkedHashMap<>();
        Integer controlMax = node.attr("maxUsages") == null ? null : wholeNumber(node, "maxUsages", 1);
        collectMaxUsages(node, controlMax, maxUsages);
        Set<List<String>> paths = new HashSet<>();
        if ("Taxonomy".equals(tag)) collectPaths(node, new ArrayList<>(), paths);
        List<String> buckets = new ArrayList<>();
        if ("Ranker".equals(tag)) {
            for (ConfigNode child : node.children()) {
                if ("Bucket".equals(child.tag())) buckets.add(requireName(child));
            }
        }
        List<ConfigOption> optionTags = new ArrayList<>();
        collectOptionTags(node, optionTags);
        return new ControlTag(name, tag, toName, options, choice, required, max, node.line(), node.attributes(),
                maxUsages, paths, buckets, optionTags);
    }

    private static void collectOptionTags(ConfigNode node, List<ConfigOption> into) {
        for (ConfigNode child : node.children()) {
            if (OPTION_TAGS.contains(child.tag())) {
                into.add(new ConfigOption(child.tag(), child.attr("value") != null ? child.attr("value") : child.attr("alias"),
                        child.line(), child.attributes()));
            }
            if (!CONTROL_TAGS.contains(child.tag())) collectOptionTags(child, into);
        }
    }

    private static void collectMaxUsages(ConfigNode node, Integer controlMax, Map<String, Integer> limits) {
        for (ConfigNode child : node.children()) {
            if ("Label".equals(child.tag())) {
                Integer own = child.attr("maxUsages") == null ? null : wholeNumber(child, "maxUsages", 1);
                Integer limit = own != null ? own : controlMax;
                String value = child.attr("value") != null ? child.attr("value") : child.attr("alias");
                if (limit != null && value != null) limits.put(value, limit);
            } else if (!CONTROL_TAGS.contains(child.tag())) {
                collectMaxUsages(child, controlMax, limits);
            }
        }
    }

    private static void collectPaths(ConfigNode node, List<String> prefix, Set<List<String>> paths) {
        for (ConfigNode child : node.children()) {
            if ("Choice".equals(child.tag())) {
                List<String> path = new ArrayList<>(prefix);
                path.add(child.attr("value") != null ? child.attr("value") : child.attr("alias"));
                paths.add(List.copyOf(path));
                collectPaths(child, path, paths);
            }
        }
    }

    private static int wholeNumber(ConfigNode node, String attribute, int min) {
        String raw = node.attr(attribute);
        try {
            int n = Integer.parseInt(raw.strip());
            if (n >= min) return n;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidLabelConfig("Line " + node.line() + ": <" + node.tag() + "> " + attribute + "=\"" + raw
                + "\" is not a whole number of at least " + min);
    }

    private static Double decimal(ConfigNode node, String attribute) {
        String raw = node.attr(attribute);
        if (raw == null) return null;
        try {
            double d = Double.parseDouble(raw.strip());
            if (Double.isFinite(d)) return d;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new InvalidLabelConfig("Line " + node.line() + ": <" + node.tag() + "> " + attribute + "=\"" + raw + "\" is not a number");
    }

    private static void collectOptions(ConfigNode node, List<String> options) {
        for (ConfigNode child : node.children()) {
            if (OPTION_TAGS.contains(child.tag())) {
                String value = child.attr("value");
                if (value == null) value = child.attr("alias");
                if (value == null || value.isEmpty()) {
                    throw new InvalidLabelConfig("Line " + child.line() + ": <" + child.tag() + "> needs a value attribute");
                }
                options.add(value);
            }
            if (!CONTROL_TAGS.contains(child.tag())) collectOptions(child, options); // Choice inside View/Header, nested Taxonomy choices
        }
    }

    private static String requireName(ConfigNode node) {
        String name = node.attr("name");
        if (name == null || name.isBlank()) {
            throw new InvalidLabelConfig("Line " + node.line() + ": <" + node.tag() + "> needs a name attribute");
        }
        return name;
    }

    private static void validate(List<ObjectTag> objects, List<ControlTag> controls) {
        if (objects.isEmpty()) throw new InvalidLabelConfig("The config has no object tag (Text, Image, Audio...) to show task data");
        if (controls.isEmpty()) throw new InvalidLabelConfig("The config has no control tag (Choices, Labels...) to produce results");
        Map<String, Integer> names = new LinkedHashMap<>();
        Set<String> objectNames = new HashSet<>();
        for (ObjectTag o : objects) {
            Integer previous = names.putIfAbsent(o.name(), o.line());
            if (previous != null) throw duplicate(o.name(), o.line(), previous);
            objectNames.add(o.name());
        }
        for (ControlTag c : controls) {
            Integer previous = names.putIfAbsent(c.name(), c.line());
            if (previous != null) throw duplicate(c.name(), c.line(), previous);
        }
        Map<String, ObjectTag> objectsByName = new HashMap<>();
        for (ObjectTag o : objects) objectsByName.put(o.name(), o);
        for (ControlTag c : controls) {
            for (String target : c.toName()) {
                if (!objectNames.contains(target)) {
                    throw new InvalidLabelConfig("Line " + c.line() + ": <" + c.type() + " name=\"" + c.name()
                            + "\"> has toName=\"" + target + "\", but no object tag is named \"" + target + "\"");
                }
                Set<String> allowed = TARGETS.get(c.type());
                String kind = objectsByName.get(target).type();
                if (allowed != null && !allowed.contains(kind)) {
                    throw new InvalidLabelConfig("Line " + c.line() + ": <" + c.type() + " name=\"" + c.name() + "\"> has toName=\""
                            + target + "\", a <" + kind + ">; it labels " + String.join(" or ", new java.util.TreeSet<>(allowed)) + " objects");
                }
            }
            String when = c.attr("whenTagName");
            if (when != null && !names.containsKey(when)) {
                throw new InvalidLabelConfig("Line " + c.line() + ": <" + c.type() + " name=\"" + c.name() + "\"> has whenTagName=\""
                        + when + "\", but no tag is named \"" + when + "\"");
            }
        }
    }

    private static InvalidLabelConfig duplicate(String name, int line, int previous) {
        return new InvalidLabelConfig("Line " + line + ": the name \"" + name + "\" is already used on line " + previous);
    }

    private static ConfigNode readTree(String xml) {
        TreeBuilder builder = new TreeBuilder();
        try {
            SAXParser parser = FACTORY.newSAXParser();
            parser.parse(new InputSource(new StringReader(xml)), builder);
        } catch (SAXParseException e) {
            String message = e.getMessage();
            if (message != null && message.contains("DOCTYPE")) {
                throw new InvalidLabelConfig("Line " + e.getLineNumber() + ": DOCTYPE declarations and entities are not allowed");
            }
            throw new InvalidLabelConfig("Line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": malformed XML: " + message);
        } catch (TooDeep e) {
            throw new InvalidLabelConfig("Line " + e.line + ": the config nests deeper than " + MAX_DEPTH + " levels");
        } catch (SAXException | ParserConfigurationException | IOException e) {
            throw new InvalidLabelConfig("Malformed XML: " + e.getMessage());
        }
        if (builder.root == null) throw new InvalidLabelConfig("Labeling config has no root tag");
        return builder.root;
    }

    private static SAXParserFactory secureFactory() {
        try {
            SAXParserFactory f = SAXParserFactory.newInstance();
            f.setNamespaceAware(false);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            return f;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("The XML parser cannot be made safe", e);
        }
    }

    private static final class TooDeep extends SAXException {
        final int line;

        TooDeep(int line) {
            super("too deep");
            this.line = line;
        }
    }

    private static final class TreeBuilder extends DefaultHandler {
        private final Deque<Building> stack = new ArrayDeque<>();
        private Locator locator;
        ConfigNode root;

        @Override
        public void setDocumentLocator(Locator locator) { this.locator = locator; }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) throws SAXException {
            int line = locator == null ? 0 : locator.getLineNumber();
            if (stack.size() >= MAX_DEPTH) throw new TooDeep(line);
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int i = 0; i < attributes.getLength(); i++) attrs.put(attributes.getQName(i), attributes.getValue(i));
            stack.push(new Building(qName, attrs, line));
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            Building done = stack.pop();
            ConfigNode node = new ConfigNode(done.tag, done.attrs, done.children, done.line);
            if (stack.isEmpty()) root = node;
            else stack.peek().children.add(node);
        }
    }

    private record Building(String tag, Map<String, String> attrs, List<ConfigNode> children, int line) {
        Building(String tag, Map<String, String> attrs, int line) { this(tag, attrs, new ArrayList<>(), line); }
    }
}
