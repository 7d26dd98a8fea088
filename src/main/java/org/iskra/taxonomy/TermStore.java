package org.iskra.taxonomy;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Regions and tags share one table shape, so one store serves both; table names come from {@link TermKind},
 * never from input.
 */
@Repository
class TermStore {

    private final JdbcClient jdbc;

    TermStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> findByName(TermKind kind, String language, String name) {
        return jdbc.sql("select " + kind.idColumn + " from " + kind.nameTable
                        + " where language = ? and lower(name) = lower(?) order by " + kind.idColumn + " fetch first 1 rows only")
                .params(language, name)
                .query(Long.class).optional();
    }

    Optional<Long> findBySlug(TermKind kind, String slug) {
        return jdbc.sql("select id from " + kind.table + " where slug = ?").param(slug).query(Long.class).optional();
    }

    long insert(TermKind kind, String slug) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into " + kind.table + " (slug) values (?)").param(slug).update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Sets a term's name in one language; returns whether it was new or different. */
    boolean name(TermKind kind, long id, String language, String name) {
        Optional<String> current = jdbc.sql("select name from " + kind.nameTable + " where " + kind.idColumn + " = ? and language = ?")
                .params(id, language)
                .query(String.class).optional();
        if (current.isEmpty()) {
            jdbc.sql("insert into " + kind.nameTable + " (" + kind.idColumn + ", language, name) values (?, ?, ?)")
                    .params(id, language, name).update();
            return true;
        }
        if (!current.get().equals(name)) {
            jdbc.sql("update " + kind.nameTable + " set name = ? where " + kind.idColumn + " = ? and language = ?")
                    .params(name, id, language).update();
            return true;
        }
        return false;
    }

    List<Long> assigned(TermKind kind, long articleId) {
        return jdbc.sql("select " + kind.idColumn + " from " + kind.assignmentTable + " where article_id = ? order by position")
                .param(articleId)
                .query(Long.class).list();
    }

    boolean replaceAssignments(TermKind kind, long articleId, List<Long> ids) {
        if (assigned(kind, articleId).equals(ids)) {
            return false;
        }
        jdbc.sql("delete from " + kind.assignmentTable + " where article_id = ?").param(articleId).update();
        for (int i = 0; i < ids.size(); i++) {
            jdbc.sql("insert into " + kind.assignmentTable + " (article_id, " + kind.idColumn + ", position) values (?, ?, ?)")
                    .params(articleId, ids.get(i), i).update();
        }
        return true;
    }

    /** Folds one term into another: its articles and the names the other lacks move over, then it is gone. */
    void merge(TermKind kind, long from, long into) {
        jdbc.sql("delete from " + kind.assignmentTable + " where " + kind.idColumn + " = :from and article_id in"
                        + " (select article_id from " + kind.assignmentTable + " where " + kind.idColumn + " = :into)")
                .param("from", from).param("into", into).update();
        jdbc.sql("update " + kind.assignmentTable + " set " + kind.idColumn + " = :into where " + kind.idColumn + " = :from")
                .param("from", from).param("into", into).update();
        jdbc.sql("insert into " + kind.nameTable + " (" + kind.idColumn + ", language, name)"
                        + " select :into, language, name from " + kind.nameTable + " f where f." + kind.idColumn + " = :from"
                        + " and not exists (select 1 from " + kind.nameTable + " i where i." + kind.idColumn + " = :into and i.language = f.language)")
                .param("from", from).param("into", into).update();
        jdbc.sql("delete from " + kind.nameTable + " where " + kind.idColumn + " = :from").param("from", from).update();
        jdbc.sql("delete from " + kind.table + " where id = :from").param("from", from).update();
    }

    List<String> countries(long articleId) {
        return jdbc.sql("select country_code from article_country where article_id = ? order by position")
                .param(articleId)
                .query(String.class).list();
    }

    boolean replaceCountries(long articleId, List<String> codes) {
        if (Objects.equals(countries(articleId), codes)) {
            return false;
        }
        jdbc.sql("delete from article_country where article_id = ?").param(articleId).update();
        for (int i = 0; i < codes.size(); i++) {
            jdbc.sql("insert into article_country (article_id, country_code, position) values (?, ?, ?)")
                    .params(articleId, codes.get(i), i).update();
        }
        return true;
    }

    /** An article's terms of one kind, named in the language if possible, else in any language it has. */
    List<Term> namedTerms(TermKind kind, long articleId, String language) {
        return jdbc.sql("select t.slug, " + bestName(kind) + " as name"
                        + " from " + kind.assignmentTable + " a join " + kind.table + " t on t.id = a." + kind.idColumn
                        + " where a.article_id = :article order by a.position")
                .param("article", articleId)
                .param("language", language)
                .query(Term.class).list();
    }

    /** Every term of one kind that some article has, named in the language if possible. */
    List<Term> allAssigned(TermKind kind, String language) {
        return jdbc.sql("select t.slug, " + bestName(kind) + " as name from " + kind.table + " t"
                        + " where exists (select 1 from " + kind.assignmentTable + " a where a." + kind.idColumn + " = t.id)")
                .param("language", language)
                .query(Term.class).list();
    }

    /** The terms of one kind of these articles, named in the language if possible: article id → terms in order. */
    java.util.Map<Long, List<Term>> termsOf(TermKind kind, java.util.Collection<Long> articleIds, String language) {
        java.util.Map<Long, List<Term>> terms = new java.util.LinkedHashMap<>();
        if (articleIds.isEmpty()) {
            return terms;
        }
        jdbc.sql("select a.article_id, t.slug, " + bestName(kind) + " as name"
                        + " from " + kind.assignmentTable + " a join " + kind.table + " t on t.id = a." + kind.idColumn
                        + " where a.article_id in (:articles) order by a.article_id, a.position")
                .param("articles", List.copyOf(articleIds))
                .param("language", language)
                .query((rs, n) -> terms.computeIfAbsent(rs.getLong("article_id"), id -> new java.util.ArrayList<>())
                        .add(new Term(rs.getString("slug"), rs.getString("name"))))
                .list();
        return terms;
    }

    /** The terms of one kind that the most articles have, at most {@code limit}, named in the language if possible. */
    List<Term> mostAssigned(TermKind kind, String language, int limit) {
        return jdbc.sql("select t.slug, " + bestName(kind) + " as name from " + kind.table + " t"
                        + " join (select " + kind.idColumn + " as id, count(*) as uses from " + kind.assignmentTable
                        + " group by " + kind.idColumn + ") u on u.id = t.id"
                        + " order by u.uses desc, t.slug fetch first :limit rows only")
                .param("language", language)
                .param("limit", limit)
                .query(Term.class).list();
    }

    java.util.Map<Long, List<Term>> termsByArticle(TermKind kind, String language) {
        java.util.Map<Long, List<Term>> terms = new java.util.LinkedHashMap<>();
        jdbc.sql("select a.article_id, t.slug, " + bestName(kind) + " as name"
                        + " from " + kind.assignmentTable + " a join " + kind.table + " t on t.id = a." + kind.idColumn
                        + " order by a.article_id, a.position")
                .param("language", language)
                .query((rs, n) -> {
                    terms.computeIfAbsent(rs.getLong("article_id"), id -> new java.util.ArrayList<>())
                            .add(new Term(rs.getString("slug"), rs.getString("name")));
                    return null;
                }).list();
        return terms;
    }

    Optional<Term> term(TermKind kind, String slug, String language) {
        return jdbc.sql("select t.slug, " + bestName(kind) + " as name from " + kind.table + " t where t.slug = :slug")
                .param("slug", slug)
                .param("language", language)
                .query(Term.class).optional();
    }

    /** Terms of one kind assigned to the articles with ids in [from, to], in their order. */
    List<TermsOfArticles.Assigned> assigned(TermKind kind, long from, long to) {
        return jdbc.sql("select a.article_id, t.id as term_id, t.slug"
                        + " from " + kind.assignmentTable + " a join " + kind.table + " t on t.id = a." + kind.idColumn
                        + " where a.article_id between ? and ? order by a.article_id, a.position")
                .params(from, to)
                .query(TermsOfArticles.Assigned.class).list();
    }

    /**
     * Every name of the terms of one kind assigned to the articles with ids in [from, to]: term id → language →
     * name. Only those terms: re-indexing one article must not read every tag's names.
     */
    java.util.Map<Long, java.util.Map<String, String>> names(TermKind kind, long from, long to) {
        java.util.Map<Long, java.util.Map<String, String>> names = new java.util.HashMap<>();
        jdbc.sql("select n." + kind.idColumn + ", n.language, n.name from " + kind.nameTable + " n"
                        + " where n." + kind.idColumn + " in (select a." + kind.idColumn + " from " + kind.assignmentTable + " a"
                        + " where a.article_id between ? and ?)")
                .params(from, to)
                .query(rs -> {
                    names.computeIfAbsent(rs.getLong(1), id -> new java.util.HashMap<>()).put(rs.getString(2), rs.getString(3));
                });
        return names;
    }

    java.util.Map<Long, List<String>> countries(long from, long to) {
        java.util.Map<Long, List<String>> countries = new java.util.HashMap<>();
        jdbc.sql("select article_id, country_code from article_country where article_id between ? and ? order by article_id, position")
                .params(from, to)
                .query(rs -> {
                    countries.computeIfAbsent(rs.getLong(1), id -> new java.util.ArrayList<>()).add(rs.getString(2));
                });
        return countries;
    }

    private static String bestName(TermKind kind) {
        return "coalesce((select n.name from " + kind.nameTable + " n where n." + kind.idColumn + " = t.id and n.language = :language),"
                + " (select min(n.name) from " + kind.nameTable + " n where n." + kind.idColumn + " = t.id and n.language = 'en'),"
                + " (select min(n.name) from " + kind.nameTable + " n where n." + kind.idColumn + " = t.id), t.slug)";
    }
}
