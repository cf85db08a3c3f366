namespace AssistanceApi.Domain;

// What a message between the two authorities of a request is about (contract: the message kinds).
public enum MessageKind { StatusInquiry, Clarification, Other }
