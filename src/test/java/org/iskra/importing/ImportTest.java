package org.iskra.importing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.iskra.testsupport.TestDatabase;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/**
 * The application without demo content, on its own data folder and the database under test, for driving the
 * importer directly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = "iskra.demo=false")
@ContextConfiguration(initializers = TestDatabase.class)
@interface ImportTest {
}
