package io.perfflow.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.perfflow.support.Api;
import io.perfflow.support.PerfFlowIntegrationTest;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A company sends its systems' data: stores, then their traffic and orders; suppliers, then
 * purchase orders; as CSV, JSON or NDJSON, again and again (a row with a held key replaces it),
 * never half (one bad row refuses the file, naming row, field and why), and as large as a
 * million rows in one request.
 */
class SourceIngestionApiTest extends PerfFlowIntegrationTest {
  static final MediaType CSV = MediaType.valueOf("text/csv");
  static final MediaType NDJSON = MediaType.valueOf("application/x-ndjson");
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  private static String unique(String prefix) {
    return prefix + Long.toString(System.nanoTime() % 1_000_000_000_000L, 36);
  }

  private long count(String sql, Object... params) {
    return jdbc.sql(sql).params(params).query(Long.class).single();
  }

  private static List<String> rowFields(JsonNode problem) {
    List<String> out = new ArrayList<>();
    problem.path("errors").forEach(e -> out.add(e.path("row").asInt() + ":" + e.path("field").asText()));
    return out;
  }

  @Test
  void storesThenTheirOrdersArriveAsCsvAndASecondSendingReplacesRows() {
    Api hr = as("admin");
    String a = unique("st-a-");
    String b = unique("st-b-");
    JsonNode stores = hr.postText("/api/source/stores", """
        id,name,marketplace,openedOn,sharedAccount
        %s,"Wish, main",Wish,2025-03-01,false
        %s,Amazon EU,Amazon,2026-01-15,
        """.formatted(a, b), CSV).expect(200).body();
    assertThat(stores.path("rows").asLong()).isEqualTo(2);
    assertThat(stores.path("inserted").asLong()).isEqualTo(2);
    assertThat(jdbc.sql("SELECT name FROM source.store WHERE id = ?").param(a).query(String.class).single()).isEqualTo("Wish, main");
    assertThat(count("SELECT count(*) FROM source.store WHERE id = ? AND NOT shared_account", b)).as("omitted optional = default").isEqualTo(1);

    long id = System.nanoTime() % 1_000_000_000_000L;
    hr.postText("/api/source/orders", """
        id,store_id,order_day,customer_id,amount,after_sales
        %d,%s,2026-10-01,c1,19.90,false
        %d,%s,2026-10-02,c2,5,true
        """.formatted(id, a, id + 1, a), CSV).expect(200);
    assertThat(count("SELECT count(*) FROM source.marketplace_order WHERE store_id = ?", a)).isEqualTo(2);

    // The same order again, corrected: replaced, not doubled.
    JsonNode again = hr.postText("/api/source/orders",
        "id,storeId,orderDay,customerId,amount,afterSales\n%d,%s,2026-10-01,c1,29.90,false\n".formatted(id, a), CSV).expect(200).body();
    assertThat(again.path("replaced").asLong()).isEqualTo(1);
    assertThat(again.path("inserted").asLong()).isZero();
    assertThat(jdbc.sql("SELECT amount FROM source.marketplace_order WHERE id = ?").param(id).query(java.math.BigDecimal.class).single())
        .isEqualByComparingTo("29.90");
    assertThat(count("SELECT count(*) FROM source.marketplace_order WHERE store_id = ?", a)).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM perfflow.audit_event WHERE action = 'SOURCE_IMPORTED' AND actor = 'admin'")).isPositive();
  }

  @Test
  void suppliersAsAJsonArrayAndPurchaseOrdersAsNdjson() {
    Api hr = as("admin");
    String supplier = unique("sup-");
    String po = unique("po-");
    hr.postText("/api/source/suppliers", "[{\"id\":\"" + supplier + "\",\"name\":\"Shenzhen Parts\"}]", MediaType.APPLICATION_JSON).expect(200);
    String ndjson = """
        {"id":"%s-1","supplierId":"%s","buyerId":"priya","item":"cables","quantity":100,"budgetCost":1200.00,"actualCost":1100.5,"orderedOn":"2026-10-01","promisedOn":"2026-10-10","status":"ORDERED"}
        {"id":"%s-2","supplierId":"%s","buyerId":"priya","item":"cases","quantity":5,"budgetCost":50,"actualCost":55,"orderedOn":"2026-10-01","promisedOn":"2026-10-05","deliveredOn":"2026-10-04","status":"DELIVERED","returnedQty":1}
        """.formatted(po, supplier, po, supplier);
    JsonNode result = hr.postText("/api/source/purchase-orders", ndjson, NDJSON).expect(200).body();
    assertThat(result.path("rows").asLong()).isEqualTo(2);
    assertThat(count("SELECT count(*) FROM source.purchase_order WHERE id LIKE ? AND complaints = 0", po + "-%")).isEqualTo(2);
    assertThat(count("SELECT returned_qty FROM source.purchase_order WHERE id = ?", po + "-2")).isEqualTo(1);
    // application/json that is NDJSON (objects one after another) is read the same way.
    hr.postText("/api/source/purchase-orders", ndjson, MediaType.APPLICATION_JSON).expect(200);
    assertThat(count("SELECT count(*) FROM source.purchase_order WHERE id LIKE ?", po + "-%")).isEqualTo(2);
  }

  @Test
  void oneBadRowRefusesTheWholeFileNamingEachRowFieldAndReason() {
    Api hr = as("admin");
    String store = unique("st-bad-");
    hr.postText("/api/source/stores", "id,name,marketplace,openedOn\n" + store + ",S,Wish,2025-01-01\n", CSV).expect(200);
    long id = System.nanoTime() % 1_000_000_000_000L;
    JsonNode problem = hr.postText("/api/source/cs-sessions", """
        id,storeId,customerId,startedAt,firstResponseSeconds,converted,satisfaction,repeatPurchase
        %d,%s,c1,2026-10-01T09:00:00,30,true,5,false
        %d,%s,c2,2026-10-01 09:05,-1,false,,false
        %d,%s,c3,2026-10-01T09:10:00+08:00,10,maybe,6,false
        ,%s,c4,2026-10-01T09:20:00,10,false,,false
        """.formatted(id, store, id + 1, store, id + 2, store, store), CSV).expect(400).body();
    assertThat(problem.path("detail").asText()).contains("nothing was imported");
    assertThat(rowFields(problem)).containsExactly("2:firstResponseSeconds", "3:startedAt", "3:converted", "3:satisfaction", "4:id");
    assertThat(problem.path("errors").get(0).path("message").asText()).contains("between 0 and").contains("-1");
    assertThat(problem.path("errors").get(1).path("message").asText()).contains("no zone");
    assertThat(count("SELECT count(*) FROM source.cs_session WHERE store_id = ?", store)).as("the good row was not written either").isZero();

    // Checked against the database and the rest of the file: an unknown store, a key twice.
    JsonNode second = hr.postText("/api/source/cs-sessions", """
        id,storeId,customerId,startedAt,firstResponseSeconds
        %d,%s,c1,2026-10-01T09:00:00,30
        %d,no-such-store,c2,2026-10-01T09:05:00,10
        %d,%s,c3,2026-10-01T09:10:00,10
        """.formatted(id, store, id + 1, id, store), CSV).expect(400).body();
    assertThat(rowFields(second)).containsExactly("2:storeId", "3:id");
    assertThat(second.path("errors").get(0).path("message").asText()).contains("no store 'no-such-store'");
    assertThat(second.path("errors").get(1).path("message").asText()).contains("same key as row 1");
    assertThat(count("SELECT count(*) FROM source.cs_session WHERE store_id = ?", store)).isZero();

    // Rules across a row's columns, and JSON cells of the wrong kind.
    JsonNode po = hr.postText("/api/source/purchase-orders",
        "[{\"id\":\"x1\",\"supplierId\":\"s\",\"buyerId\":\"priya\",\"item\":\"i\",\"quantity\":1,\"budgetCost\":1,\"actualCost\":1,"
            + "\"orderedOn\":\"2026-10-01\",\"promisedOn\":\"2026-10-02\",\"status\":\"DELIVERED\"},"
            + "{\"id\":{\"a\":1},\"supplierId\":\"s\",\"buyerId\":\"priya\",\"item\":\"i\",\"quantity\":1,\"budgetCost\":1e2147483647,\"actualCost\":1,"
            + "\"orderedOn\":\"2026-10-01\",\"promisedOn\":\"2026-10-02\",\"status\":\"LOST\"},"
            + "{\"id\":\"x3\",\"colour\":\"red\"}]", MediaType.APPLICATION_JSON).expect(400).body();
    assertThat(rowFields(po)).containsExactly("1:deliveredOn", "2:id", "2:budgetCost", "2:status", "3:colour");
  }

  @Test
  void filesThatAreNotTablesAreRefusedAsAWhole() {
    Api hr = as("admin");
    assertThat(rowFields(hr.postText("/api/source/suppliers", "id,name,colour\nx,y,z\n", CSV).expect(400).body())).containsExactly("0:header");
    assertThat(hr.postText("/api/source/suppliers", "name\nx\n", CSV).expect(400).body().path("errors").get(0).path("message").asText())
        .contains("lacks the required column 'id'");
    assertThat(rowFields(hr.postText("/api/source/suppliers", "", CSV).expect(400).body())).containsExactly("0:header");
    assertThat(rowFields(hr.postText("/api/source/suppliers", "id,name\n", CSV).expect(400).body())).containsExactly("0:rows");
    assertThat(rowFields(hr.postText("/api/source/suppliers", "id,name\na,b,c\n", CSV).expect(400).body())).containsExactly("1:row");
    assertThat(rowFields(hr.postText("/api/source/suppliers", "id,name\n\"a,b\n", CSV).expect(400).body())).containsExactly("1:row");
    assertThat(rowFields(hr.postText("/api/source/suppliers", "[{\"id\":\"a\",\"name\":\"b\"}", MediaType.APPLICATION_JSON).expect(400).body()))
        .containsExactly("2:body");
    assertThat(rowFields(hr.postText("/api/source/suppliers", "\"just text\"", MediaType.APPLICATION_JSON).expect(400).body()))
        .containsExactly("0:body");
    assertThat(hr.postText("/api/source/no-such-table", "id\n1\n", CSV).expect(404).body().path("detail").asText())
        .contains("cs-sessions");
    hr.postText("/api/source/suppliers", "<xml/>", MediaType.APPLICATION_XML).expect(415);
  }

  @Test
  void hrOrAServiceAccountSendsDataNobodyElse() {
    Api hr = as("admin");
    String feed = unique("feed-");
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("id", feed);
    account.put("name", "ERP feed");
    account.put("email", feed + "@perfflow.example");
    account.put("role", "service");
    account.put("team", "integrations");
    account.put("hiredOn", "2024-01-01");
    account.put("level", "-");
    account.put("basePay", 0);
    account.put("groups", List.of("source-feeds"));
    account.put("password", "demo");
    hr.post("/api/employees", account).expect(201);
    String supplier = unique("sup-feed-");
    as(feed).postText("/api/source/suppliers", "id,name\n" + supplier + ",Feed supplier\n", CSV).expect(200);
    as("olivia").postText("/api/source/suppliers", "id,name\n" + supplier + "x,No\n", CSV).expect(403);
    as("oscar").postText("/api/source/suppliers", "id,name\n" + supplier + "y,No\n", CSV).expect(403);
    assertThat(count("SELECT count(*) FROM source.supplier WHERE id LIKE ?", supplier + "%")).isEqualTo(1);
    // Everyone may read what the tables are.
    JsonNode tables = as("oscar").get("/api/source").expect(200).body();
    assertThat(tables.findValuesAsText("name")).contains("stores", "orders", "cs-sessions", "training");
  }

  @Test
  void everyDescriptorMatchesItsDatabaseTable() {
    // Every table of schema source can be sent: a new one needs a descriptor (attendance has its own endpoint).
    List<String> tables = jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'source' AND table_type = 'BASE TABLE'")
        .query(String.class).list();
    List<String> described = new ArrayList<>(SourceTables.ALL.stream().map(SourceTable::table).toList());
    described.add("attendance");
    assertThat(described).containsExactlyInAnyOrderElementsOf(tables);
    for (SourceTable t : SourceTables.ALL) {
      Map<String, String> nullable = new LinkedHashMap<>();
      jdbc.sql("SELECT column_name, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'source' AND table_name = ?")
          .param(t.table()).query(rs -> {
            nullable.put(rs.getString(1), rs.getString(2) + (rs.getString(3) == null ? "" : " default"));
          });
      assertThat(nullable).as("source." + t.table()).isNotEmpty();
      for (SourceColumn c : t.columns()) {
        assertThat(nullable).as(t.name() + "." + c.field()).containsKey(c.column());
        if (!c.required() && c.defaultValue() == null) {
          assertThat(nullable.get(c.column())).as(t.name() + "." + c.field() + " may be empty, so the column is nullable").startsWith("YES");
        }
      }
      nullable.forEach((column, info) -> {
        if (info.equals("NO")) {
          assertThat(t.columns().stream().anyMatch(c -> c.column().equals(column) && c.required()))
              .as("source." + t.table() + "." + column + " is NOT NULL without default, so the file must send it").isTrue();
        }
      });
      List<String> pk = jdbc.sql("""
          SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
          WHERE i.indrelid = ('source.' || ?)::regclass AND i.indisprimary""").param(t.table()).query(String.class).list();
      assertThat(pk).as("key of " + t.name()).containsExactlyInAnyOrderElementsOf(t.keyColumns());
    }
  }

  /**
   * A million rows in one request, generated while it is sent (the test holds no file either).
   * Memory: the ingestion holds one record, a 256 K COPY buffer and at most 100 errors at a time.
   */
  @Test
  void aMillionRowFileIsAcceptedInOneRequest() throws Exception {
    String prefix = unique("big-");
    int stores = 1000;
    int days = 1000;
    StringBuilder storeCsv = new StringBuilder("id,name,marketplace,openedOn\n");
    for (int s = 0; s < stores; s++) {
      storeCsv.append(prefix).append(s).append(",Big ").append(s).append(",Wish,2024-01-01\n");
    }
    as("admin").postText("/api/source/stores", storeCsv.toString(), CSV).expect(200);
    LocalDate first = LocalDate.of(2030, 1, 1);
    String[] dayText = new String[days];
    for (int d = 0; d < days; d++) {
      dayText[d] = first.plusDays(d).toString();
    }
    InputStream body = new InputStream() {
      private byte[] chunk = "storeId,day,visitors\n".getBytes(StandardCharsets.UTF_8);
      private int pos;
      private int row;

      @Override
      public int read() {
        if (pos == chunk.length && !refill()) {
          return -1;
        }
        return chunk[pos++] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (pos == chunk.length && !refill()) {
          return -1;
        }
        int n = Math.min(len, chunk.length - pos);
        System.arraycopy(chunk, pos, b, off, n);
        pos += n;
        return n;
      }

      private boolean refill() {
        if (row >= stores * days) {
          return false;
        }
        StringBuilder sb = new StringBuilder(64 * 1024);
        for (int i = 0; i < 2000 && row < stores * days; i++, row++) {
          sb.append(prefix).append(row / days).append(',').append(dayText[row % days]).append(',').append(row % 5000).append('\n');
        }
        chunk = sb.toString().getBytes(StandardCharsets.UTF_8);
        pos = 0;
        return true;
      }
    };
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/source/store-traffic"))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8)))
        .header("Content-Type", "text/csv").header("Accept", "application/json")
        .timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
    long started = System.nanoTime();
    HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    long millis = (System.nanoTime() - started) / 1_000_000;
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode result = new ObjectMapper().readTree(response.body());
    assertThat(result.path("rows").asLong()).isEqualTo(1_000_000);
    assertThat(result.path("inserted").asLong()).isEqualTo(1_000_000);
    assertThat(count("SELECT count(*) FROM source.store_traffic WHERE store_id LIKE ?", prefix + "%")).isEqualTo(1_000_000);
    System.out.println("1,000,000 store-traffic rows ingested in " + millis + " ms");
    // The metrics read these tables: leave them as small as they were.
    jdbc.sql("DELETE FROM source.store_traffic WHERE store_id LIKE ?").param(prefix + "%").update();
    jdbc.sql("DELETE FROM source.store WHERE id LIKE ?").param(prefix + "%").update();
  }
}
