package org.iskra.importing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.iskra.testsupport.EmptyIskraTest;

/**
 * The application without demo content, on its own data folder and the database under test, for driving the
 * importer directly: the one {@link EmptyIskraTest} shares with the other classes that need an empty site.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@EmptyIskraTest
@interface ImportTest {
}
