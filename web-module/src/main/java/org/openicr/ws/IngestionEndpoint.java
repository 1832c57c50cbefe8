package org.openicr.ws;

import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.jws.WebService;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.xml.datatype.XMLGregorianCalendar;
import org.openicr.patient.boundary.DemographicsSubmission;
import org.openicr.patient.boundary.SubmissionResult;
import org.openicr.patient.entity.Demographics;
import org.openicr.patient.entity.Gender;
import org.openicr.patient.entity.NhsNumber;
import org.openicr.platform.ErrorCode;
import org.openicr.platform.IcrException;
import org.openicr.ws.contract.Address;
import org.openicr.ws.contract.DemographicsAcknowledgement;
import org.openicr.ws.contract.IngestionFault;
import org.openicr.ws.contract.IngestionFaultDetail;
import org.openicr.ws.contract.IngestionPort;
import org.openicr.ws.contract.Outcome;
import org.openicr.ws.contract.Person;

/** The ingestion service that source systems post to (contract: WEB-INF/wsdl/ingestion-v1.wsdl). */
@WebService(
        serviceName = "IngestionService",
        portName = "IngestionPort",
        targetNamespace = "urn:openicr:ingestion:v1",
        endpointInterface = "org.openicr.ws.contract.IngestionPort",
        wsdlLocation = "WEB-INF/wsdl/ingestion-v1.wsdl")
public class IngestionEndpoint implements IngestionPort {

    private static final Logger LOG = Logger.getLogger(IngestionEndpoint.class.getName());

    @EJB
    DemographicsSubmission demographics;

    @Override
    public DemographicsAcknowledgement submitDemographics(org.openicr.ws.contract.DemographicsSubmission body)
            throws IngestionFault {
        String messageId = body == null ? null : body.getMessageId();
        try {
            if (body == null || body.getPerson() == null || messageId == null || messageId.isBlank()) {
                throw new IcrException(ErrorCode.INVALID_INPUT, "messageId and person are required.");
            }
            SubmissionResult result = demographics.submit(messageId, toDomain(body.getPerson()));
            DemographicsAcknowledgement ack = new DemographicsAcknowledgement();
            ack.setMessageId(messageId);
            ack.setOutcome(result.created() ? Outcome.CREATED : Outcome.UPDATED);
            ack.setPersonReference(result.personId());
            return ack;
        } catch (IcrException refused) {
            throw fault(refused.code(), refused.reason(), messageId);
        } catch (EJBAccessException denied) {
            throw fault(ErrorCode.NOT_PERMITTED, "This account may not submit.", messageId);
        } catch (RuntimeException unexpected) {
            LOG.log(
                    Level.SEVERE,
                    "Demographics submission failed unexpectedly (message id " + messageId + ")",
                    unexpected);
            throw fault(
                    ErrorCode.INTERNAL_ERROR, "The record could not store the message; try again later.", messageId);
        }
    }

    static Demographics toDomain(Person person) {
        Address address = person.getAddress();
        return new Demographics(
                NhsNumber.of(person.getNhsNumber()),
                person.getTitle(),
                person.getGivenNames(),
                person.getFamilyName(),
                date(person.getDateOfBirth()),
                date(person.getDateOfDeath()),
                person.getGender() == null
                        ? Gender.UNKNOWN
                        : Gender.valueOf(person.getGender().name()),
                address == null ? List.of() : address.getLine(),
                address == null ? null : address.getPostcode(),
                person.getPhone(),
                person.getGpPracticeOds(),
                Boolean.TRUE.equals(person.isRestricted()));
    }

    private static java.time.LocalDate date(XMLGregorianCalendar value) {
        return value == null ? null : java.time.LocalDate.of(value.getYear(), value.getMonth(), value.getDay());
    }

    private static IngestionFault fault(ErrorCode code, String reason, String messageId) {
        IngestionFaultDetail detail = new IngestionFaultDetail();
        detail.setCode(code.name());
        detail.setReason(reason);
        detail.setMessageId(messageId);
        return new IngestionFault(code.name() + ": " + reason, detail);
    }
}
