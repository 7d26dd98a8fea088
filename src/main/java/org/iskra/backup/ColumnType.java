package org.iskra.backup;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * How a column's values are written in a backup: as JSON numbers, booleans or strings that mean the same on H2 and
 * on PostgreSQL (times in ISO-8601 with their offset, bytes in base64), so a backup of one restores into the other.
 */
enum ColumnType {

    INTEGER, BOOLEAN, TIMESTAMPTZ, TIMESTAMP, DATE, DECIMAL, DOUBLE, BINARY, TEXT, OTHER;

    static ColumnType of(ResultSetMetaData meta, int column) throws SQLException {
        String name = String.valueOf(meta.getColumnTypeName(column)).toLowerCase(Locale.ROOT);
        switch (meta.getColumnType(column)) {
            case Types.BIGINT:
            case Types.INTEGER:
            case Types.SMALLINT:
            case Types.TINYINT:
                return INTEGER;
            case Types.BOOLEAN:
            case Types.BIT:
                return BOOLEAN;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return TIMESTAMPTZ;
            case Types.TIMESTAMP:
                // PostgreSQL's driver calls timestamptz a TIMESTAMP and tells them apart by the type name only
                return name.contains("tz") || name.contains("time zone") ? TIMESTAMPTZ : TIMESTAMP;
            case Types.DATE:
                return DATE;
            case Types.NUMERIC:
            case Types.DECIMAL:
                return DECIMAL;
            case Types.DOUBLE:
            case Types.FLOAT:
            case Types.REAL:
                return DOUBLE;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
            case Types.BLOB:
                return BINARY;
            case Types.OTHER:
                return OTHER;
            default:
                return TEXT;
        }
    }

    /** The value of the column in the current row, as a JSON-ready Long, Boolean, Double or String, or null. */
    Object read(ResultSet row, int column) throws SQLException {
        Object value;
        switch (this) {
            case INTEGER:
                value = row.getLong(column);
                break;
            case BOOLEAN:
                value = row.getBoolean(column);
                break;
            case DOUBLE:
                value = row.getDouble(column);
                break;
            case TIMESTAMPTZ:
                OffsetDateTime instant = row.getObject(column, OffsetDateTime.class);
                return instant == null ? null : instant.toString();
            case TIMESTAMP:
                LocalDateTime time = row.getObject(column, LocalDateTime.class);
                return time == null ? null : time.toString();
            case DATE:
                LocalDate date = row.getObject(column, LocalDate.class);
                return date == null ? null : date.toString();
            case DECIMAL:
                BigDecimal decimal = row.getBigDecimal(column);
                return decimal == null ? null : decimal.toPlainString();
            case BINARY:
                byte[] bytes = row.getBytes(column);
                return bytes == null ? null : Base64.getEncoder().encodeToString(bytes);
            default:
                return row.getString(column);
        }
        return row.wasNull() ? null : value;
    }

    void bind(PreparedStatement statement, int parameter, JsonNode value) throws SQLException {
        if (value == null || value.isNull()) {
            statement.setNull(parameter, nullType());
            return;
        }
        switch (this) {
            case INTEGER -> statement.setLong(parameter, value.asLong());
            case BOOLEAN -> statement.setBoolean(parameter, value.asBoolean());
            case DOUBLE -> statement.setDouble(parameter, value.asDouble());
            case TIMESTAMPTZ -> statement.setObject(parameter, OffsetDateTime.parse(value.asString()));
            case TIMESTAMP -> statement.setObject(parameter, LocalDateTime.parse(value.asString()));
            case DATE -> statement.setObject(parameter, LocalDate.parse(value.asString()));
            case DECIMAL -> statement.setBigDecimal(parameter, new BigDecimal(value.asString()));
            case BINARY -> statement.setBytes(parameter, Base64.getDecoder().decode(value.asString()));
            case OTHER -> statement.setObject(parameter, value.asString(), Types.OTHER);
            default -> statement.setString(parameter, value.asString());
        }
    }

    private int nullType() {
        switch (this) {
            case INTEGER:
                return Types.BIGINT;
            case BOOLEAN:
                return Types.BOOLEAN;
            case BINARY:
                return Types.VARBINARY;
            default:
                // lets PostgreSQL take the column's own type, whatever text-like type it is
                return Types.NULL;
        }
    }
}
