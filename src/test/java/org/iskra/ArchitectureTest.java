package org.iskra;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** The map of the code in ../shared/DESIGN.md, as rules the build enforces. */
class ArchitectureTest {

    private static final JavaClasses ISKRA = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.iskra");

    @Test
    void featuresDoNotDependOnEachOtherInCycles() {
        slices().matching("org.iskra.(*)..").should().beFreeOfCycles().check(ISKRA);
    }

    /**
     * The root package (the application and its main method) counts as a slice of its own here, which the rule
     * above leaves out: the commands start the application, so it must find them without naming them.
     */
    @Test
    void theRootPackageAndTheFeaturesDependOnEachOtherInNoCycle() {
        slices().assignedFrom(ROOT_AND_FEATURES).should().beFreeOfCycles().check(ISKRA);
    }

    private static final SliceAssignment ROOT_AND_FEATURES = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            if (name.equals("org.iskra")) {
                return SliceIdentifier.of("the root package");
            }
            if (name.startsWith("org.iskra.")) {
                return SliceIdentifier.of(name.substring("org.iskra.".length()).split("\\.")[0]);
            }
            return SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "the root package and each feature";
        }
    };

    @Test
    void siteIsTheBaseEveryFeatureBuildsOnAndDependsOnNoFeature() {
        noClasses().that().resideInAPackage("org.iskra.site..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iskra.articles..", "org.iskra.media..",
                        "org.iskra.taxonomy..", "org.iskra.importing..", "org.iskra.accounts..", "org.iskra.feeds..",
                        "org.iskra.translation..", "org.iskra.privacy..", "org.iskra.mail..", "org.iskra.search..",
                        "org.iskra.join..", "org.iskra.organizing..", "org.iskra.editor..", "org.iskra.newsletter..",
                        "org.iskra.screening..", "org.iskra.charts..")
                .check(ISKRA);
    }

    /** Charts draw the numbers a feature hands them: they know the site's languages and no feature's data. */
    @Test
    void chartsDependOnNoFeatureButTheSite() {
        classes().that().resideInAPackage("org.iskra.charts..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.iskra.charts..", "org.iskra.site..",
                        "java..", "com.ibm.icu..")
                .check(ISKRA);
    }

    @Test
    void personalDataProtectionDependsOnNoPublishingFeature() {
        noClasses().that().resideInAnyPackage("org.iskra.privacy..", "org.iskra.mail..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iskra.articles..", "org.iskra.media..",
                        "org.iskra.taxonomy..", "org.iskra.importing..", "org.iskra.feeds..", "org.iskra.translation..")
                .check(ISKRA);
    }

    @Test
    void joiningDependsOnNoPublishingFeatureAndNothingDependsOnTheJoinForm() {
        noClasses().that().resideInAnyPackage("org.iskra.join..", "org.iskra.organizing..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iskra.articles..", "org.iskra.media..",
                        "org.iskra.taxonomy..", "org.iskra.importing..", "org.iskra.feeds..", "org.iskra.translation..")
                .check(ISKRA);
        noClasses().that().resideOutsideOfPackage("org.iskra.join..")
                .should().dependOnClassesThat().resideInAPackage("org.iskra.join..")
                .check(ISKRA);
        // join reaches sections through the organizing facade only, and staff accounts not at all
        noClasses().that().resideInAPackage("org.iskra.join..")
                .should().dependOnClassesThat().resideInAPackage("org.iskra.accounts..")
                .check(ISKRA);
    }

    @Test
    void theSpamDefencesOfPublicFormsDependOnNoFeatureButPrivacy() {
        noClasses().that().resideInAPackage("org.iskra.screening..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iskra.articles..", "org.iskra.media..",
                        "org.iskra.taxonomy..", "org.iskra.importing..", "org.iskra.accounts..", "org.iskra.feeds..",
                        "org.iskra.translation..", "org.iskra.mail..", "org.iskra.search..", "org.iskra.join..",
                        "org.iskra.organizing..", "org.iskra.editor..", "org.iskra.newsletter..")
                .check(ISKRA);
    }

    @Test
    void nothingDependsOnTheNewsletterAndItReachesNoOtherFeaturesTables() {
        noClasses().that().resideOutsideOfPackage("org.iskra.newsletter..")
                .should().dependOnClassesThat().resideInAPackage("org.iskra.newsletter..")
                .check(ISKRA);
        // subscribers are not staff, applicants or sections: the newsletter knows none of them
        noClasses().that().resideInAPackage("org.iskra.newsletter..")
                .should().dependOnClassesThat().resideInAnyPackage("org.iskra.accounts..", "org.iskra.join..",
                        "org.iskra.organizing..", "org.iskra.editor..", "org.iskra.importing..")
                .check(ISKRA);
    }

    @Test
    void feedsReadThroughOtherFeaturesFacadesAndNothingDependsOnThemButTheMirror() {
        // the static mirror holds the feeds and sitemaps as the site answers them, through FeedFiles
        noClasses().that().resideOutsideOfPackages("org.iskra.feeds..", "org.iskra.mirror..")
                .should().dependOnClassesThat().resideInAPackage("org.iskra.feeds..")
                .check(ISKRA);
        noClasses().that().resideInAPackage("org.iskra.feeds..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "org.iskra.importing..",
                        "org.iskra.accounts..")
                .check(ISKRA);
    }

    @Test
    void nothingDependsOnTheEditorItIsTheBackOfficesTopLayer() {
        noClasses().that().resideOutsideOfPackage("org.iskra.editor..")
                .should().dependOnClassesThat().resideInAPackage("org.iskra.editor..")
                .check(ISKRA);
    }

    @Test
    void repositoriesAndControllersArePackagePrivate() {
        classes().that().areAnnotatedWith(Repository.class)
                .or().areAnnotatedWith(Controller.class)
                .or().areAnnotatedWith(RestController.class)
                .should().notBePublic()
                .check(ISKRA);
    }

    @Test
    void noFieldInjection() {
        noFields().should().beAnnotatedWith(Autowired.class).check(ISKRA);
    }

    @Test
    void onlyTheRootPackageStartsCommands() {
        noClasses().that().resideOutsideOfPackages("org.iskra.importing..", "org.iskra")
                .should().dependOnClassesThat().resideInAPackage("org.iskra.importing..")
                .check(ISKRA);
        noClasses().that().resideOutsideOfPackages("org.iskra.search..", "org.iskra")
                .should().dependOnClassesThat().belongToAnyOf(org.iskra.search.ReindexCommand.class)
                .check(ISKRA);
        noClasses().that().resideOutsideOfPackages("org.iskra.privacy..", "org.iskra")
                .should().dependOnClassesThat().belongToAnyOf(org.iskra.privacy.KeysCommand.class,
                        org.iskra.privacy.AuditCommand.class)
                .check(ISKRA);
        noClasses().that().resideOutsideOfPackages("org.iskra.backup..", "org.iskra")
                .should().dependOnClassesThat().resideInAPackage("org.iskra.backup..")
                .check(ISKRA);
    }

    @Test
    void nothingDependsOnTheMirrorItCopiesThePublicSite() {
        noClasses().that().resideOutsideOfPackages("org.iskra.mirror..", "org.iskra")
                .should().dependOnClassesThat().resideInAPackage("org.iskra.mirror..")
                .check(ISKRA);
    }
}
