namespace Support.Kernel.Persistence;

/// <summary>A module DbContext type the host migrates at start-up and whose outbox it dispatches.</summary>
public sealed record ModuleDatabase(string Module, Type ContextType);
