namespace AssistanceApi.Persistence;

/// <summary>Marks a Mediator message whose handler writes: it runs inside one unit of work.</summary>
public interface IWriteCommand;
