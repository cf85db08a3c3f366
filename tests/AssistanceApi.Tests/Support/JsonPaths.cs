using System.Text.Json.Nodes;

namespace AssistanceApi.Tests.Support;

/// <summary>Edits a request body by dotted path ("proceeding.conductingAuthority.name"), to break one thing at a time.</summary>
public static class JsonPaths
{
    /// <summary>Sets the path, creating objects on the way.</summary>
    public static JsonObject Set(this JsonObject body, string path, JsonNode? value)
    {
        var parts = path.Split('.');
        var node = body;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child) node[part] = child = new JsonObject();
            node = child;
        }
        node[parts[^1]] = value;
        return body;
    }

    /// <summary>Removes the path; nothing happens when it is absent.</summary>
    public static JsonObject Without(this JsonObject body, string path)
    {
        var parts = path.Split('.');
        var node = body;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child) return body;
            node = child;
        }
        node.Remove(parts[^1]);
        return body;
    }
}
