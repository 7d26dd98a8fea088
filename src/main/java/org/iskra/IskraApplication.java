package org.iskra;

import org.iskra.backup.BackupCommand;
import org.iskra.backup.RestoreCommand;
import org.iskra.importing.ImportCommand;
import org.iskra.mirror.MirrorCommand;
import org.iskra.privacy.AuditCommand;
import org.iskra.privacy.KeysCommand;
import org.iskra.search.ReindexCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class IskraApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("import")) {
            System.exit(ImportCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("reindex")) {
            System.exit(ReindexCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("keys")) {
            System.exit(KeysCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("audit")) {
            System.exit(AuditCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("backup")) {
            System.exit(BackupCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("restore")) {
            System.exit(RestoreCommand.run(args));
        }
        if (args.length > 0 && args[0].equals("mirror")) {
            System.exit(MirrorCommand.run(args));
        }
        SpringApplication.run(IskraApplication.class, args);
    }
}
