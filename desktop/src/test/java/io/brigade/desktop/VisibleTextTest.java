package io.brigade.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ParameterizedTypeTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * No word reaches the screen unless it comes from a bundle: FXML texts are {@code %key}s, and no string literal with
 * a letter in it is handed to a control's text, a dialog, a tooltip or a view model's text property, directly or
 * through concatenation, {@code String.format} or a binding. Literals without letters (digits, "×", "—", "+") and
 * file patterns ("*.csv") may. Labels in data (a menu item's caption) are the restaurant's own words, not ours.
 */
class VisibleTextTest {
    private static final Path MAIN = Path.of("src", "main");
    /** FXML attributes a person reads. */
    private static final Set<String> FXML_VISIBLE = Set.of("text", "promptText", "title", "headerText",
            "contentText", "accessibleText", "accessibleHelp");
    /** Methods whose string argument is shown (or bound to something shown). */
    private static final Set<String> SHOWN_BY = Set.of("setText", "setTitle", "setHeaderText", "setContentText",
            "setPromptText", "setAccessibleText", "setAccessibleHelp", "set", "setValue", "bind", "concat", "setName");
    /** Of those, the ones that show only when called with the value alone. */
    private static final Set<String> ONE_ARGUMENT = Set.of("set", "setValue");
    /** Methods that add their string arguments to a list control's items when called on {@code getItems()}. */
    private static final Set<String> ITEMS_BY = Set.of("add", "addAll", "setAll");
    /** Controls and dialogs whose constructor takes words to show. */
    private static final Set<String> SHOWN_BY_NEW = Set.of("Label", "Button", "ToggleButton", "CheckBox",
            "RadioButton", "Hyperlink", "MenuItem", "Menu", "CheckMenuItem", "RadioMenuItem", "MenuButton",
            "SplitMenuButton", "Tab", "TitledPane", "Tooltip", "Text", "Alert", "ButtonType", "ChoiceDialog",
            "ExceptionDialog", "SimpleStringProperty", "ReadOnlyStringWrapper", "ExtensionFilter", "Data",
            "Series", "Notifications");
    /** Methods that hand a string on: a literal in them is still on its way to the screen. */
    private static final Set<String> PASSED_ON_BY = Set.of("format", "formatted", "join", "valueOf",
            "createStringBinding", "repeat", "strip", "trim", "toUpperCase", "toLowerCase", "map", "orElse",
            "orElseGet", "append", "toString");
    private static final Pattern ALLOWED = Pattern.compile("[^\\p{L}]*|\\*\\.\\w+|https?://\\S*");

    @Test
    void everyFxmlTextIsAKey() throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("resources"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".fxml")).sorted().toList()) {
                var factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Element root = factory.newDocumentBuilder().parse(f.toFile()).getDocumentElement();
                visit(root, f, found);
            }
        }
        assertEquals(List.of(), found, "FXML texts that are not %keys of a bundle");
    }

    private static void visit(Element e, Path file, List<String> found) {
        NamedNodeMap attributes = e.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            boolean shown = FXML_VISIBLE.contains(a.getLocalName())
                    || "value".equals(a.getLocalName()) && "String".equals(e.getLocalName());
            if (shown && !isKeyOrBinding(a.getValue()) && !ALLOWED.matcher(a.getValue()).matches()) {
                found.add(file.getFileName() + " <" + e.getTagName() + " " + a.getName() + "=\"" + a.getValue() + "\">");
            }
        }
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n instanceof Element child) {
                if (FXML_VISIBLE.contains(child.getLocalName()) && child.getChildNodes().getLength() == 1
                        && child.getFirstChild().getNodeType() == Node.TEXT_NODE) {
                    String v = child.getTextContent().strip();
                    if (!isKeyOrBinding(v) && !ALLOWED.matcher(v).matches()) {
                        found.add(file.getFileName() + " <" + child.getTagName() + ">" + v);
                    }
                }
                visit(child, file, found);
            }
        }
    }

    private static boolean isKeyOrBinding(String v) {
        return v.startsWith("%") || v.startsWith("$");
    }

    @Test
    void noCodeHandsALiteralWordToTheScreen() throws IOException {
        List<String> found = new ArrayList<>();
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
             Stream<Path> sources = Files.walk(MAIN.resolve("java"))) {
            List<Path> java = sources.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null,
                    files.getJavaFileObjectsFromPaths(java));
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, Void>() {
                    @Override
                    public Void visitLiteral(LiteralTree literal, Void unused) {
                        if (literal.getValue() instanceof String s && !ALLOWED.matcher(s).matches()) {
                            String sink = sink(getCurrentPath());
                            if (sink != null) {
                                long line = unit.getLineMap().getLineNumber(
                                        positions.getStartPosition(unit, literal));
                                found.add(Path.of(unit.getSourceFile().toUri()).getFileName() + ":" + line + " "
                                        + sink + "(\"" + s + "\")");
                            }
                        }
                        return null;
                    }
                }.scan(unit, null);
            }
        }
        assertEquals(List.of(), found, "literal words on their way to the screen; put them in a bundle");
    }

    /** The method or constructor that shows the literal at {@code path}, or null when it goes elsewhere. */
    private static String sink(TreePath path) {
        Tree here = path.getLeaf();
        for (TreePath up = path.getParentPath(); up != null; up = up.getParentPath()) {
            Tree parent = up.getLeaf();
            switch (parent.getKind()) {
                case PARENTHESIZED, PLUS, TYPE_CAST, NEW_ARRAY, LAMBDA_EXPRESSION, MEMBER_SELECT -> {
                    // on its way: concatenated, cast, in an array, a lambda's value, or the receiver of a call
                }
                case CONDITIONAL_EXPRESSION -> {
                    if (((ConditionalExpressionTree) parent).getCondition() == here) {
                        return null;
                    }
                }
                case RETURN -> {
                    TreePath lambda = enclosingLambda(up);
                    if (lambda == null) {
                        return null; // a method's result: followed no further
                    }
                    up = lambda;
                }
                case METHOD_INVOCATION -> {
                    MethodInvocationTree call = (MethodInvocationTree) parent;
                    String name = name(call.getMethodSelect());
                    if (call.getArguments().contains(here) && shows(call, name)) {
                        return name;
                    }
                    if (!PASSED_ON_BY.contains(name)) {
                        return null;
                    }
                }
                case NEW_CLASS -> {
                    NewClassTree created = (NewClassTree) parent;
                    String type = name(created.getIdentifier());
                    return created.getArguments().contains(here) && SHOWN_BY_NEW.contains(type)
                            ? "new " + type : null;
                }
                default -> {
                    return null;
                }
            }
            here = up.getLeaf();
        }
        return null;
    }

    /** Whether {@code call} shows its string arguments: a text setter, a binding, or the items of a list control. */
    private static boolean shows(MethodInvocationTree call, String name) {
        if (SHOWN_BY.contains(name)) {
            // a property's set(value), not a map's or a JSON object's set(name, value)
            return !ONE_ARGUMENT.contains(name) || call.getArguments().size() == 1;
        }
        return ITEMS_BY.contains(name) && call.getMethodSelect() instanceof MemberSelectTree m
                && m.getExpression().toString().endsWith("getItems()");
    }

    private static TreePath enclosingLambda(TreePath path) {
        for (TreePath p = path; p != null; p = p.getParentPath()) {
            if (p.getLeaf() instanceof LambdaExpressionTree) {
                return p;
            }
            if (p.getLeaf() instanceof MethodTree) {
                return null;
            }
        }
        return null;
    }

    private static String name(Tree t) {
        if (t instanceof IdentifierTree i) {
            return i.getName().toString();
        }
        if (t instanceof MemberSelectTree m) {
            return m.getIdentifier().toString();
        }
        if (t instanceof ParameterizedTypeTree p) {
            return name(p.getType());
        }
        return t.toString();
    }
}
