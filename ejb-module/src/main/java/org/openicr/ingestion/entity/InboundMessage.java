package org.openicr.ingestion.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import org.openicr.vocabulary.ErrorCode;

/** A message as received from a source, raw, with what became of it. */
@Entity
@Table(name = "inbound_message")
public class InboundMessage {

    /** The SOAP web service (HL7 v2 in {@code SubmitHl7} included). */
    public static final String SOAP = "SOAP";

    /** HL7 v2 over MLLP (the TCP listener, issue 21 item 7). */
    public static final String MLLP = "MLLP";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "account_username")
    private String accountUsername;

    @Column(name = "source_system_id")
    private Long sourceSystemId;

    private String operation;

    @Column(name = "message_id")
    private String messageId;

    @Column(name = "size_bytes")
    private int sizeBytes;

    @Basic(fetch = FetchType.LAZY)
    private byte[] raw;

    @Enumerated(EnumType.STRING)
    private MessageStatus status;

    @Column(name = "error_code")
    private String errorCode;

    @Column(name = "error_reason")
    private String errorReason;

    private String outcome;

    @Column(name = "person_id")
    private Long personId;

    @Column(name = "item_count")
    private Integer itemCount;

    @Column(name = "processed_at")
    private Instant processedAt;

    private int replays;

    @Column(name = "duplicate_of")
    private Long duplicateOf;

    /** The door it came in by: {@link #SOAP} or {@link #MLLP}. */
    private String door = SOAP;

    /**
     * The first final answer to this message's (source, message id) when it was looked up together
     * with the submitting source (live path, one statement); not a column. {@link #firstAnswerKey}
     * says for which source and message id, so a lookup for another one is never mistaken for it.
     */
    private transient InboundMessage knownFirstAnswer;

    private transient String firstAnswerKey;

    protected InboundMessage() {}

    /**
     * A message just received, to be written to the inbox with its outcome at the end of its
     * processing (plain SQL, ingestion's hot path; not managed by JPA). Its id is reserved
     * beforehand ({@link #assignId}), so that what it writes can refer to it.
     */
    public static InboundMessage received(String accountUsername, byte[] raw, int sizeBytes, Instant receivedAt) {
        return received(SOAP, accountUsername, raw, sizeBytes, receivedAt);
    }

    /** {@link #received(String, byte[], int, Instant)}, by the given door ({@link #SOAP} or {@link #MLLP}). */
    public static InboundMessage received(
            String door, String accountUsername, byte[] raw, int sizeBytes, Instant receivedAt) {
        InboundMessage message = new InboundMessage();
        message.door = door;
        message.receivedAt = receivedAt;
        message.accountUsername = accountUsername;
        message.raw = raw;
        message.sizeBytes = sizeBytes;
        message.status = MessageStatus.RECEIVED;
        return message;
    }

    /** The id reserved for a message not yet written (a value of the table's identity sequence). */
    public void assignId(long reserved) {
        if (id != null) {
            throw new IllegalStateException("Inbox row " + id + " already has an id");
        }
        this.id = reserved;
    }

    /**
     * The first final answer to a (source system, message id), read with plain SQL by the
     * idempotency check: not managed by JPA, without its raw body.
     */
    public static InboundMessage firstAnswer(
            long id,
            Long sourceSystemId,
            String messageId,
            MessageStatus status,
            String outcome,
            String errorCode,
            String errorReason) {
        InboundMessage message = new InboundMessage();
        message.id = id;
        message.sourceSystemId = sourceSystemId;
        message.messageId = messageId;
        message.status = status;
        message.outcome = outcome;
        message.errorCode = errorCode;
        message.errorReason = errorReason;
        return message;
    }

    /** Remembers the first answer to (source, message id) looked up ahead of processing; null when there is none. */
    public void firstAnswerLookedUp(long source, String id, InboundMessage first) {
        this.firstAnswerKey = source + "/" + id;
        this.knownFirstAnswer = first;
    }

    /** Whether the first answer to this message's current (source, message id) was looked up ahead. */
    public boolean firstAnswerKnown() {
        return firstAnswerKey != null && firstAnswerKey.equals(sourceSystemId + "/" + messageId);
    }

    /** The first answer looked up ahead ({@link #firstAnswerKnown}); empty when there was none. */
    public Optional<InboundMessage> knownFirstAnswer() {
        return Optional.ofNullable(knownFirstAnswer);
    }

    /** What the message is, once read: its operation, its sender's message id, and the source behind the account. */
    public void identify(String operation, String messageId, Long sourceSystemId) {
        this.sourceSystemId = sourceSystemId;
        this.operation = operation;
        this.messageId = messageId;
    }

    public void accept(MessageStatus finalStatus, String outcome, Long personId, int itemCount) {
        this.status = finalStatus;
        this.outcome = outcome;
        this.personId = personId;
        this.itemCount = itemCount;
        this.errorCode = null;
        this.errorReason = null;
        this.processedAt = Instant.now();
    }

    public void reject(ErrorCode code, String reason) {
        this.status = code == ErrorCode.INTERNAL_ERROR ? MessageStatus.FAILED : MessageStatus.REJECTED;
        this.errorCode = code.name();
        this.errorReason = reason == null || reason.length() <= 2000 ? reason : reason.substring(0, 2000);
        this.processedAt = Instant.now();
    }

    public void duplicateOf(InboundMessage first) {
        this.status = MessageStatus.DUPLICATE;
        this.duplicateOf = first.getId();
        this.outcome = first.getOutcome();
        this.processedAt = Instant.now();
    }

    public void replayed() {
        replays++;
    }

    public Long getDuplicateOf() {
        return duplicateOf;
    }

    public Long getId() {
        return id;
    }

    public Instant getReceivedAt() {
        return receivedAt;
    }

    public String getAccountUsername() {
        return accountUsername;
    }

    public Long getSourceSystemId() {
        return sourceSystemId;
    }

    public String getDoor() {
        return door;
    }

    public String getOperation() {
        return operation;
    }

    public String getMessageId() {
        return messageId;
    }

    public int getSizeBytes() {
        return sizeBytes;
    }

    public byte[] getRaw() {
        return raw;
    }

    public MessageStatus getStatus() {
        return status;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorReason() {
        return errorReason;
    }

    public String getOutcome() {
        return outcome;
    }

    public Long getPersonId() {
        return personId;
    }

    public Integer getItemCount() {
        return itemCount;
    }

    public Instant getProcessedAt() {
        return processedAt;
    }

    public int getReplays() {
        return replays;
    }
}
