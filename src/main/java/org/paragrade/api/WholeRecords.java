package org.paragrade.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/**
 * Says in the document what Jackson does with our records: it writes every component, null
 * included. So a record schema that names no required properties of its own (the report records)
 * gets every property required and each one nullable: the document then promises that each field
 * is present, and a client that checks it against a real answer finds it so. Schemas that list
 * their required properties (the API's own records) are left as they are written.
 */
public class WholeRecords implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema schema : openAPI.getComponents().getSchemas().values()) {
            Map<String, Schema> properties = schema.getProperties();
            if (properties == null || properties.isEmpty()
                    || (schema.getRequired() != null && !schema.getRequired().isEmpty())) {
                continue;
            }
            schema.setRequired(new ArrayList<>(properties.keySet()));
            Map<String, Schema> whole = new LinkedHashMap<>();
            properties.forEach((name, property) -> whole.put(name, nullable(property)));
            schema.setProperties(whole);
        }
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            return OASFactory.createSchema().description(property.getDescription()).anyOf(List.of(
                    OASFactory.createSchema().ref(property.getRef()),
                    OASFactory.createSchema().addType(SchemaType.NULL)));
        }
        if (property.getType() != null && !property.getType().isEmpty() && !property.getType().contains(SchemaType.NULL)) {
            property.addType(SchemaType.NULL);
        }
        return property;
    }
}
