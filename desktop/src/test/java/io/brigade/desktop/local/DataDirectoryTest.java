package io.brigade.desktop.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DataDirectoryTest {

    @Test
    void linuxUsesXdgDataHomeThenHomeEnvironmentNotThePasswordDatabase() {
        assertEquals(Path.of("/x/data/brigade"),
                DataDirectory.resolve(Map.of("XDG_DATA_HOME", "/x/data", "HOME", "/h"), null, "Linux", "/root"));
        assertEquals(Path.of("/h/.local/share/brigade"),
                DataDirectory.resolve(Map.of("HOME", "/h"), null, "Linux", "/root"));
        assertEquals(Path.of("/root/.local/share/brigade"), DataDirectory.resolve(Map.of(), null, "Linux", "/root"));
    }

    @Test
    void explicitSettingWinsEverywhere() {
        assertEquals(Path.of("/p"), DataDirectory.resolve(Map.of("BRIGADE_HOME", "/e"), "/p", "Linux", "/root"));
        assertEquals(Path.of("/e"), DataDirectory.resolve(Map.of("BRIGADE_HOME", "/e"), null, "Windows 11", "C:/u"));
    }

    @Test
    void windowsAndMacUseTheirApplicationDataFolders() {
        assertEquals(Path.of("C:/u/AppData/Roaming", "Brigade"),
                DataDirectory.resolve(Map.of("APPDATA", "C:/u/AppData/Roaming"), null, "Windows 11", "C:/u"));
        assertEquals(Path.of("/Users/a/Library/Application Support/Brigade"),
                DataDirectory.resolve(Map.of("HOME", "/Users/a"), null, "Mac OS X", "/Users/a"));
    }
}
