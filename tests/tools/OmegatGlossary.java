// Read a glossary file with OmegaT's own reader (OmegaT 3.6, Debian's omegat package) and print what
// OmegaT offers: one line per entry, tab-separated source, target, comment (tabs/newlines escaped).
//     java -cp /usr/share/omegat/OmegaT.jar tests/tools/OmegatGlossary.java FILE SOURCE_LANG TARGET_LANG
// .txt/.tab/.utf8/.tsv go through GlossaryReaderTSV, .csv through GlossaryReaderCSV, .tbx through
// GlossaryReaderTBX, as OmegaT's GlossaryManager picks them by extension.
import java.io.File;
import java.io.PrintStream;
import java.util.List;
import org.omegat.core.Core;
import org.omegat.core.data.NotLoadedProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderCSV;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.gui.glossary.GlossaryReaderTSV;

public class OmegatGlossary {
    static String esc(String s) {
        return s == null ? "" : s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    public static void main(String[] args) throws Exception {
        File f = new File(args[0]);
        // The TBX reader asks the open project for its languages: a project that is only its properties.
        final ProjectProperties props = new ProjectProperties(f.getAbsoluteFile().getParentFile());
        props.setSourceLanguage(args[1]);
        props.setTargetLanguage(args[2]);
        Core.setProject(new NotLoadedProject() {
            @Override
            public ProjectProperties getProjectProperties() {
                return props;
            }
        });
        String name = f.getName().toLowerCase();
        List<GlossaryEntry> entries;
        if (name.endsWith(".csv")) {
            entries = GlossaryReaderCSV.read(f, false);
        } else if (name.endsWith(".tbx")) {
            entries = GlossaryReaderTBX.read(f, false);
        } else {
            entries = GlossaryReaderTSV.read(f, false);
        }
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        for (GlossaryEntry e : entries) {
            out.println(esc(e.getSrcText()) + "\t" + esc(e.getLocText()) + "\t" + esc(e.getCommentText()));
        }
    }
}
