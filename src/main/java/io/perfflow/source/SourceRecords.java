package io.perfflow.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.metrics.RowError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a source file one record at a time, never the whole file: CSV with a header row
 * (RFC 4180 quoting, a quoted cell may span lines), a JSON array of objects, or NDJSON (one object
 * after another). Each record is its cells by field name; a cell left out is absent, an empty
 * one null. Memory: one record of at most {@value #MAX_RECORD_CHARS} characters (CSV) or one
 * object with strings of at most {@value #MAX_JSON_STRING} characters (JSON) at a time, plus the
 * read buffers.
 */
abstract class SourceRecords implements java.io.Closeable {
  static final int MAX_RECORD_CHARS = 65_536;
  static final int MAX_JSON_STRING = 10_000;
  static final String NOT_A_VALUE = "\u0000#container";
  /** A record that is not one: a CSV row's cell count and the header's, a JSON value that is not an object. */
  static final String CELL_COUNT = "#cells";
  static final String HEADER_COUNT = "#headerCells";
  static final String NOT_AN_OBJECT = "#notAnObject";

  /** A file-level problem (header, syntax): the read stops, the whole request is refused. */
  static final class FileProblem extends RuntimeException {
    final RowError error;

    FileProblem(long row, String field, io.perfflow.Msg text) {
      super(text.english());
      this.error = new RowError((int) row, field, text);
    }
  }

  /** The next record, or null at the end. */
  abstract Map<String, String> next() throws IOException;

  /** The 1-based number of the last record returned. */
  abstract long row();

  static Map<String, String> fieldsByNormalName(SourceTable table) {
    Map<String, String> names = new HashMap<>();
    for (SourceColumn c : table.columns()) {
      names.put(normal(c.field()), c.field());
      names.put(normal(c.column()), c.field());
    }
    return names;
  }

  static String normal(String name) {
    return name.strip().replace("_", "").toLowerCase(Locale.ROOT);
  }

  static SourceRecords csv(InputStream in, SourceTable table) throws IOException {
    return new Csv(in, table);
  }

  static SourceRecords json(InputStream in, SourceTable table) throws IOException {
    return new Json(in, table);
  }

  private static final class Csv extends SourceRecords {
    private final Reader reader;
    private final String[] fields;
    private long row;
    private final StringBuilder cell = new StringBuilder();

    Csv(InputStream in, SourceTable table) throws IOException {
      this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)), 65_536);
      List<String> header = record(0);
      while (header != null && header.size() == 1 && header.get(0).isBlank()) {
        header = record(0);
      }
      List<String> expected = table.columns().stream().map(SourceColumn::field).toList();
      if (header == null) {
        throw new FileProblem(0, "header", io.perfflow.Msg.of("source.error.emptyFile", String.join(",", expected)));
      }
      if (!header.isEmpty() && header.get(0).startsWith("\uFEFF")) {
        header.set(0, header.get(0).substring(1));
      }
      Map<String, String> names = fieldsByNormalName(table);
      fields = new String[header.size()];
      List<io.perfflow.Msg> problems = new ArrayList<>();
      for (int i = 0; i < header.size(); i++) {
        String field = names.get(normal(header.get(i)));
        if (field == null) {
          problems.add(io.perfflow.Msg.of("source.error.header.unknown", io.perfflow.Texts.excerpt(header.get(i))));
        } else if (java.util.Arrays.asList(fields).contains(field)) {
          problems.add(io.perfflow.Msg.of("source.error.header.twice", field));
        }
        fields[i] = field;
      }
      for (SourceColumn c : table.columns()) {
        if (c.required() && !java.util.Arrays.asList(fields).contains(c.field())) {
          problems.add(io.perfflow.Msg.of("source.error.header.lacks", c.field()));
        }
      }
      if (!problems.isEmpty()) {
        io.perfflow.Localizable all = locale -> problems.stream().map(m -> m.in(locale))
            .collect(java.util.stream.Collectors.joining(io.perfflow.Msg.of("source.error.header.separator").in(locale)));
        throw new FileProblem(0, "header", io.perfflow.Msg.of("source.error.header", all, String.join(",", expected)));
      }
    }

    @Override
    Map<String, String> next() throws IOException {
      while (true) {
        List<String> cells = record(row + 1);
        if (cells == null) {
          return null;
        }
        if (cells.size() == 1 && cells.get(0).isBlank()) {
          continue; // a blank line
        }
        row++;
        if (cells.size() != fields.length) {
          Map<String, String> bad = new LinkedHashMap<>();
          bad.put(CELL_COUNT, String.valueOf(cells.size()));
          bad.put(HEADER_COUNT, String.valueOf(fields.length));
          return bad;
        }
        Map<String, String> record = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i++) {
          String v = cells.get(i);
          record.put(fields[i], v.isBlank() ? null : v);
        }
        return record;
      }
    }

    @Override
    long row() {
      return row;
    }

    /** One CSV record (null at the end of the file). */
    private List<String> record(long rowNumber) throws IOException {
      List<String> cells = new ArrayList<>();
      cell.setLength(0);
      boolean quoted = false;
      boolean any = false;
      int length = 0;
      while (true) {
        int c;
        try {
          c = reader.read();
        } catch (CharacterCodingException e) {
          throw new FileProblem(rowNumber, "body", io.perfflow.Msg.of("source.error.notUtf8", rowNumber));
        }
        if (c < 0) {
          if (quoted) {
            throw new FileProblem(rowNumber, "row", io.perfflow.Msg.of("source.error.quoteNotClosed"));
          }
          if (!any) {
            return null;
          }
          cells.add(cell.toString());
          return cells;
        }
        any = true;
        if (++length > MAX_RECORD_CHARS) {
          throw new FileProblem(rowNumber, "row", io.perfflow.Msg.of("source.error.rowTooLong", MAX_RECORD_CHARS));
        }
        if (quoted) {
          if (c == '"') {
            reader.mark(1);
            int n = reader.read();
            if (n == '"') {
              cell.append('"');
            } else {
              quoted = false;
              if (n >= 0) {
                reader.reset();
              }
            }
          } else {
            cell.append((char) c);
          }
        } else if (c == '"') {
          quoted = true;
        } else if (c == ',') {
          cells.add(cell.toString());
          cell.setLength(0);
        } else if (c == '\n') {
          cells.add(stripCr(cell));
          return cells;
        } else {
          cell.append((char) c);
        }
      }
    }

    private static String stripCr(StringBuilder cell) {
      int n = cell.length();
      return n > 0 && cell.charAt(n - 1) == '\r' ? cell.substring(0, n - 1) : cell.toString();
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
  }

  private static final class Json extends SourceRecords {
    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(MAX_JSON_STRING).maxNumberLength(60).maxNestingDepth(4).build())
        .build()).enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final JsonParser parser;
    private final Map<String, String> names;
    private final boolean array;
    private boolean first = true;
    private long row;

    Json(InputStream in, SourceTable table) throws IOException {
      this.parser = MAPPER.createParser(in);
      this.names = fieldsByNormalName(table);
      JsonToken start;
      try {
        start = token();
      } catch (Unchecked e) {
        throw e.getCause();
      }
      if (start == JsonToken.START_ARRAY) {
        array = true;
      } else if (start == JsonToken.START_OBJECT) {
        array = false;
      } else {
        throw new FileProblem(0, "body", io.perfflow.Msg.of("source.error.jsonShape"));
      }
    }

    private JsonToken token() {
      try {
        return parser.nextToken();
      } catch (JsonProcessingException e) {
        throw new FileProblem(row + 1, "body", io.perfflow.Msg.of("source.error.json", row + 1, String.valueOf(e.getOriginalMessage())));
      } catch (IOException e) {
        throw new Unchecked(e);
      }
    }

    @Override
    Map<String, String> next() throws IOException {
      try {
        JsonToken t = first && !array ? parser.currentToken() : token();
        first = false;
        if (array && t == JsonToken.END_ARRAY) {
          if (token() != null) {
            throw new FileProblem(row, "body", io.perfflow.Msg.of("source.error.afterArray"));
          }
          return null;
        }
        if (t == null) {
          if (array) {
            throw new FileProblem(row + 1, "body", io.perfflow.Msg.of("source.error.arrayNotClosed"));
          }
          return null;
        }
        row++;
        if (t != JsonToken.START_OBJECT) {
          // What it is: [ for an array, else the value itself (a number, a string, true …).
          String got = t.asString() != null ? t.asString() : io.perfflow.Texts.excerpt(parser.getText());
          if (t.isStructStart()) {
            parser.skipChildren();
          }
          Map<String, String> bad = new LinkedHashMap<>();
          bad.put(NOT_AN_OBJECT, got);
          return bad;
        }
        JsonNode node;
        try {
          node = MAPPER.readTree(parser);
        } catch (JsonProcessingException e) {
          throw new FileProblem(row, "body", io.perfflow.Msg.of("source.error.json", row, String.valueOf(e.getOriginalMessage())));
        }
        Map<String, String> record = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> e = it.next();
          String field = names.get(normal(e.getKey()));
          if (field == null) {
            record.put("#unknown", e.getKey());
            continue;
          }
          record.put(field, text(e.getValue()));
        }
        return record;
      } catch (Unchecked e) {
        throw e.getCause();
      }
    }

    private static String text(JsonNode v) {
      if (v == null || v.isNull()) {
        return null;
      }
      if (v.isContainerNode()) {
        return NOT_A_VALUE;
      }
      if (v.isBigDecimal()) {
        BigDecimal d = v.decimalValue();
        // toString, not toPlainString: 1e2147483647 written out would exhaust the memory.
        return Math.abs((long) d.scale()) <= 20 ? d.toPlainString() : d.toString();
      }
      return v.asText();
    }

    @Override
    long row() {
      return row;
    }

    @Override
    public void close() throws IOException {
      parser.close();
    }

    private static final class Unchecked extends RuntimeException {
      Unchecked(IOException e) {
        super(e);
      }

      @Override
      public synchronized IOException getCause() {
        return (IOException) super.getCause();
      }
    }
  }
}
