package org.openicr.web.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * Makes the CapabilityStatement HAPI derives from the providers say exactly what each category type
 * accepts (docs/fhir.md): {@code category} only where the type's resources carry one
 * ({@link CategoryProvider#FHIR_CATEGORIES}; one provider class serves every type, so HAPI lists it for
 * all), {@code _include} of the patient (HAPI lists no value when any is allowed), and no
 * {@code _page_token}, which is the next link's, not a search parameter.
 */
@Interceptor
public class CapabilityHook {

    @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
    public void describe(IBaseConformance generated, RequestDetails request) {
        if (!(generated instanceof CapabilityStatement statement)
                || !(request.getServer() instanceof RestfulServer server)) {
            return;
        }
        for (Object provider : server.getResourceProviders()) {
            if (!(provider instanceof CategoryProvider typed)) {
                continue;
            }
            String type = typed.getResourceType().getSimpleName();
            statement.getRest().forEach(rest -> rest.getResource().stream()
                    .filter(resource -> type.equals(resource.getType()))
                    .forEach(resource -> {
                        resource.getSearchParam()
                                .removeIf(p -> p.getName().equals(FhirReads.PAGE_TOKEN)
                                        || (p.getName().equals("category")
                                                && !CategoryProvider.FHIR_CATEGORIES.containsKey(typed.category())));
                        resource.getSearchInclude().clear();
                        resource.addSearchInclude(type + ":patient");
                        resource.addSearchInclude(type + ":subject");
                    }));
        }
    }
}
