using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// PATCH: the patch is applied to the current object and the result goes through the update path, so a
/// patch that sets <c>metadata.resourceVersion</c> is a precondition and a patch of status on the main
/// endpoint (or of anything else on <c>/status</c>) is ignored, as on the real server.
/// </summary>
internal sealed partial class ObjectApi
{
    public const string MergePatch = "application/merge-patch+json";
    public const string JsonPatchType = "application/json-patch+json";
    public const string StrategicMergePatchType = "application/strategic-merge-patch+json";
    public const string ApplyPatch = "application/apply-patch+yaml";

    public JsonObject Patch(ApiResource type, string? @namespace, string name, string? contentType, JsonNode? patch, bool statusOnly, WriteContext? context = null)
    {
        var mediaType = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        CheckPatchType(type, mediaType);
        lock (_store.Gate)
        {
            var current = Existing(type, @namespace, name);
            var patched = mediaType switch
            {
                MergePatch => JsonMergePatch.Apply(current, patch) as JsonObject,
                JsonPatchType => JsonPatch.Apply(current, patch),
                _ => StrategicMergePatch.Apply(current, patch as JsonObject ?? throw ApiError.BadRequest("a strategic merge patch must be a JSON object")),
            } ?? throw ApiError.BadRequest("the patch must leave an object");
            if (ObjectMeta.Name(patched) != name)
            {
                throw ApiError.BadRequest($"the name of the object ({ObjectMeta.Name(patched)}) does not match the name on the URL ({name})");
            }

            if (ObjectMeta.Namespace(patched) != ObjectMeta.Namespace(current))
            {
                throw ApiError.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
            }

            CheckTypeMeta(type, patched);
            DecodePatched(type, patched, context ?? WriteContext.Internal);
            return Clone(Update(type, current, patched, statusOnly, context ?? WriteContext.Internal));
        }
    }

    private static void CheckPatchType(ApiResource type, string? mediaType)
    {
        switch (mediaType)
        {
            case MergePatch or JsonPatchType:
                return;
            case StrategicMergePatchType when !type.IsCustom:
                return;
            case StrategicMergePatchType:
                throw ApiError.UnsupportedMediaType(
                    $"the body of the request was in an unknown format - accepted media types include: {JsonPatchType}, {MergePatch}, {ApplyPatch} (custom resources do not support strategic merge patch; use a merge patch)");
            case ApplyPatch:
                throw ApiError.UnsupportedMediaType(
                    $"the API test server does not implement server-side apply ({ApplyPatch}); send a merge patch ({MergePatch}), a JSON patch or a strategic merge patch instead");
            default:
                throw ApiError.UnsupportedMediaType(
                    $"the body of the request was in an unknown format - accepted media types include: {JsonPatchType}, {MergePatch}, {StrategicMergePatchType}");
        }
    }
}
