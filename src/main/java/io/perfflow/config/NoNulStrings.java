package io.perfflow.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import org.springframework.stereotype.Component;

/**
 * Every text read from a JSON body, in records and in free-form maps (task variables) alike:
 * a NUL character is refused with a 400 naming the field (PostgreSQL cannot store it, and it
 * would fail later in a worker). Spring Boot registers this module with its ObjectMapper.
 */
@Component
public class NoNulStrings extends SimpleModule {
  public static final String MESSAGE = "contains a NUL character";

  public NoNulStrings() {
    super("perfflow-no-nul-strings");
    addDeserializer(String.class, new StdScalarDeserializer<String>(String.class) {
      @Override
      public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        String s = StringDeserializer.instance.deserialize(p, ctxt);
        if (s != null && s.indexOf('\0') >= 0) {
          throw JsonMappingException.from(p, MESSAGE);
        }
        return s;
      }
    });
  }
}
