package org.iskra.taxonomy;

/** The two kinds of named terms; each has its own tables with the same shape. */
enum TermKind {
    REGION("region", "region_name", "region_id", "article_region"),
    TAG("tag", "tag_name", "tag_id", "article_tag");

    final String table;
    final String nameTable;
    final String idColumn;
    final String assignmentTable;

    TermKind(String table, String nameTable, String idColumn, String assignmentTable) {
        this.table = table;
        this.nameTable = nameTable;
        this.idColumn = idColumn;
        this.assignmentTable = assignmentTable;
    }
}
