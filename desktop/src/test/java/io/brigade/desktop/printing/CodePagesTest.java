package io.brigade.desktop.printing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.anastaciocintra.escpos.EscPos;
import io.brigade.protocol.store.StorePrinter;
import java.nio.charset.Charset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every character table a manager may choose is one the ESC/POS library selects and Java can write. */
class CodePagesTest {
    static final java.util.List<String> CODE_PAGES = StorePrinter.CODE_PAGES;

    @ParameterizedTest
    @FieldSource("CODE_PAGES")
    void aCodePageOfTheSettingsHasATableAndACharset(String name) {
        EscPos.CharacterCodeTable table = EscPos.CharacterCodeTable.valueOf(name);
        assertTrue(Charset.isSupported(table.charsetName), name + " -> " + table.charsetName);
    }
}
