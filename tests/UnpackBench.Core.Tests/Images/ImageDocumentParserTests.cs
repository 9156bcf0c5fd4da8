using System.Text;
using UnpackBench.Core.Images;

namespace UnpackBench.Core.Tests.Images;

public sealed class ImageDocumentParserTests
{
    // Digests in the fixtures only need to be well formed; they name no real blobs.
    private const string ConfigDigest = "sha256:" + "c0" + "11111111111111111111111111111111111111111111111111111111111111";
    private const string Layer1Digest = "sha256:" + "a1" + "11111111111111111111111111111111111111111111111111111111111111";
    private const string Layer2Digest = "sha256:" + "a2" + "22222222222222222222222222222222222222222222222222222222222222";
    private const string DiffId1 = "sha256:" + "d1" + "11111111111111111111111111111111111111111111111111111111111111";
    private const string DiffId2 = "sha256:" + "d2" + "22222222222222222222222222222222222222222222222222222222222222";
    private const string AmdManifest = "sha256:" + "e1" + "11111111111111111111111111111111111111111111111111111111111111";
    private const string ArmManifest = "sha256:" + "e2" + "22222222222222222222222222222222222222222222222222222222222222";
    private const string Attestation = "sha256:" + "e3" + "33333333333333333333333333333333333333333333333333333333333333";

    // Shaped like what `docker buildx build --platform linux/amd64,linux/arm64 --push` produces,
    // including the provenance attestation entry with platform unknown/unknown.
    private const string OciIndex = $$"""
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.index.v1+json",
          "manifests": [
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "{{AmdManifest}}",
              "size": 1092,
              "platform": { "architecture": "amd64", "os": "linux" }
            },
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "{{ArmManifest}}",
              "size": 1092,
              "platform": { "architecture": "arm64", "os": "linux", "variant": "v8" }
            },
            {
              "mediaType": "application/vnd.oci.image.manifest.v1+json",
              "digest": "{{Attestation}}",
              "size": 566,
              "annotations": {
                "vnd.docker.reference.digest": "{{AmdManifest}}",
                "vnd.docker.reference.type": "attestation-manifest"
              },
              "platform": { "architecture": "unknown", "os": "unknown" }
            }
          ]
        }
        """;

    // Shaped like library/busybox's Docker Hub manifest list.
    private const string DockerManifestList = $$"""
        {
          "manifests": [
            {
              "digest": "{{AmdManifest}}",
              "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
              "platform": { "architecture": "amd64", "os": "linux" },
              "size": 528
            },
            {
              "digest": "{{ArmManifest}}",
              "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
              "platform": { "architecture": "arm", "os": "linux", "variant": "v7" },
              "size": 528
            }
          ],
          "mediaType": "application/vnd.docker.distribution.manifest.list.v2+json",
          "schemaVersion": 2
        }
        """;

    private const string OciManifest = $$"""
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.oci.image.manifest.v1+json",
          "config": {
            "mediaType": "application/vnd.oci.image.config.v1+json",
            "digest": "{{ConfigDigest}}",
            "size": 1471
          },
          "layers": [
            {
              "mediaType": "application/vnd.oci.image.layer.v1.tar+gzip",
              "digest": "{{Layer1Digest}}",
              "size": 3623807
            },
            {
              "mediaType": "application/vnd.oci.image.layer.v1.tar+zstd",
              "digest": "{{Layer2Digest}}",
              "size": 32,
              "annotations": { "org.opencontainers.image.title": "app.tar.zst" }
            }
          ],
          "annotations": { "org.opencontainers.image.created": "2024-05-01T00:00:00Z" }
        }
        """;

    private const string DockerManifest = $$"""
        {
          "schemaVersion": 2,
          "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
          "config": {
            "mediaType": "application/vnd.docker.container.image.v1+json",
            "size": 1457,
            "digest": "{{ConfigDigest}}"
          },
          "layers": [
            {
              "mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip",
              "size": 2152262,
              "digest": "{{Layer1Digest}}"
            }
          ]
        }
        """;

    private const string Config = $$"""
        {
          "architecture": "arm64",
          "variant": "v8",
          "os": "linux",
          "config": { "Env": ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"], "Cmd": ["sh"] },
          "created": "2024-05-01T00:00:00Z",
          "history": [ { "created_by": "ADD rootfs.tar / " }, { "created_by": "COPY app /app" } ],
          "rootfs": { "type": "layers", "diff_ids": ["{{DiffId1}}", "{{DiffId2}}"] }
        }
        """;

    private static byte[] Utf8(string json) => Encoding.UTF8.GetBytes(json);

    private static string ManifestWithLayer(string layer) => $$"""
        {
          "schemaVersion": 2,
          "config": { "mediaType": "application/vnd.oci.image.config.v1+json", "digest": "{{ConfigDigest}}", "size": 2 },
          "layers": [ {{layer}} ]
        }
        """;

    [Fact]
    public void Oci_index_lists_every_manifest_with_its_platform()
    {
        var index = ImageDocumentParser.ParseIndex(Utf8(OciIndex));

        Assert.Equal(MediaTypes.OciIndex, index.MediaType);
        Assert.Equal([AmdManifest, ArmManifest, Attestation], index.Manifests.Select(m => m.Digest.ToString()));
        Assert.Equal(["linux/amd64", "linux/arm64/v8", "unknown/unknown"], index.Manifests.Select(m => m.Platform!.ToString()));
        Assert.All(index.Manifests, m => Assert.Equal(MediaTypes.OciManifest, m.MediaType));
        Assert.Equal(566, index.Manifests[2].Size);
        Assert.Equal("attestation-manifest", index.Manifests[2].Annotations["vnd.docker.reference.type"]);
    }

    [Fact]
    public void Docker_manifest_list_parses_like_an_oci_index()
    {
        var index = ImageDocumentParser.ParseIndex(Utf8(DockerManifestList));

        Assert.Equal(MediaTypes.DockerManifestList, index.MediaType);
        Assert.Equal(["linux/amd64", "linux/arm/v7"], index.Manifests.Select(m => m.Platform!.ToString()));
        Assert.All(index.Manifests, m => Assert.Equal(MediaTypes.DockerManifest, m.MediaType));
    }

    [Fact]
    public void Index_without_media_type_is_taken_as_oci()
    {
        var json = $$"""{ "schemaVersion": 2, "manifests": [ { "digest": "{{AmdManifest}}", "size": 7 } ] }""";

        var index = ImageDocumentParser.ParseIndex(Utf8(json));

        Assert.Equal(MediaTypes.OciIndex, index.MediaType);
        Assert.Null(Assert.Single(index.Manifests).Platform);
    }

    [Theory]
    [InlineData("no manifests array", """{ "schemaVersion": 2 }""", "no 'manifests' array")]
    [InlineData("manifests is an object", """{ "manifests": {} }""", "no 'manifests' array")]
    [InlineData("entry is not an object", """{ "manifests": [ "sha256:abc" ] }""", "index entry 0 is not a descriptor object")]
    [InlineData("entry with a bad digest", """{ "manifests": [ { "digest": "sha256:abc", "size": 1 } ] }""", "index entry 0: digest 'sha256:abc'")]
    [InlineData("entry without size", $$"""{ "manifests": [ { "digest": "{{AmdManifest}}" } ] }""", "has no valid 'size'")]
    public void Malformed_index_is_rejected_saying_what_is_wrong(string @case, string json, string reason)
    {
        var thrown = Assert.Throws<ImageFormatException>(() => ImageDocumentParser.ParseIndex(Utf8(json)));

        Assert.True(thrown.Message.Contains(reason, StringComparison.Ordinal), $"{@case}: {thrown.Message}");
    }

    [Fact]
    public void Oci_manifest_gives_config_and_layers_base_first()
    {
        var manifest = ImageDocumentParser.ParseManifest(Utf8(OciManifest));

        Assert.Equal(MediaTypes.OciManifest, manifest.MediaType);
        Assert.Equal(new ContentDescriptor(MediaTypes.OciConfig, Digest.Parse(ConfigDigest), 1471) { Annotations = manifest.Config.Annotations }, manifest.Config);
        Assert.Equal([Layer1Digest, Layer2Digest], manifest.Layers.Select(l => l.Digest.ToString()));
        Assert.Equal([MediaTypes.OciLayerGzip, MediaTypes.OciLayerZstd], manifest.Layers.Select(l => l.MediaType));
        Assert.Equal([3623807L, 32L], manifest.Layers.Select(l => l.Size));
        Assert.Equal("app.tar.zst", manifest.Layers[1].Annotations["org.opencontainers.image.title"]);
        Assert.All(manifest.Layers, l => Assert.Null(l.Platform));
    }

    [Fact]
    public void Docker_schema_2_manifest_parses()
    {
        var manifest = ImageDocumentParser.ParseManifest(Utf8(DockerManifest));

        Assert.Equal(MediaTypes.DockerManifest, manifest.MediaType);
        Assert.Equal(MediaTypes.DockerConfig, manifest.Config.MediaType);
        var layer = Assert.Single(manifest.Layers);
        Assert.Equal((MediaTypes.DockerLayerGzip, Layer1Digest, 2152262L), (layer.MediaType, layer.Digest.ToString(), layer.Size));
    }

    [Theory]
    [InlineData("uncompressed oci", MediaTypes.OciLayer)]
    [InlineData("uncompressed docker, as docker save writes", MediaTypes.DockerLayer)]
    public void Uncompressed_layers_are_accepted(string @case, string mediaType)
    {
        var manifest = ImageDocumentParser.ParseManifest(Utf8(ManifestWithLayer($$"""{ "mediaType": "{{mediaType}}", "digest": "{{Layer1Digest}}", "size": 10240 }""")));

        Assert.True(manifest.Layers[0].MediaType == mediaType, @case);
    }

    [Theory]
    [InlineData("oci non-distributable gzip", MediaTypes.OciLayerNonDistributableGzip, "gzip")]
    [InlineData("oci non-distributable zstd", MediaTypes.OciLayerNonDistributableZstd, "zstd")]
    [InlineData("docker foreign layer", MediaTypes.DockerForeignLayerGzip, "gzip")]
    public void Non_distributable_layers_are_accepted_because_containerd_applies_them(string @case, string mediaType, string compression)
    {
        var manifest = ImageDocumentParser.ParseManifest(Utf8(ManifestWithLayer($$"""{ "mediaType": "{{mediaType}}", "digest": "{{Layer1Digest}}", "size": 10240 }""")));

        Assert.True(manifest.Layers[0].MediaType == mediaType, @case);
        Assert.True(MediaTypes.IsNonDistributableLayer(mediaType), @case);
        Assert.Equal(compression, MediaTypes.CompressionOf(mediaType));
    }

    [Fact]
    public void Whitespace_after_the_document_is_allowed()
    {
        var manifest = ImageDocumentParser.ParseManifest(Utf8(DockerManifest + "\n\t \r\n"));

        Assert.Equal(MediaTypes.DockerManifest, manifest.MediaType);
    }

    [Fact]
    public void Manifest_without_media_type_is_taken_as_oci()
    {
        var manifest = ImageDocumentParser.ParseManifest(Utf8(ManifestWithLayer($$"""{ "mediaType": "{{MediaTypes.OciLayerGzip}}", "digest": "{{Layer1Digest}}", "size": 1 }""")));

        Assert.Equal(MediaTypes.OciManifest, manifest.MediaType);
    }

    // A real schema 1 manifest (signed, with fsLayers and v1Compatibility history) trimmed to its shape.
    private const string Schema1Manifest = """
        {
          "schemaVersion": 1,
          "name": "library/busybox",
          "tag": "1.24",
          "architecture": "amd64",
          "fsLayers": [ { "blobSum": "sha256:a3ed95caeb02ffe68cdd9fd84406680ae93d633cb16422d00e8a7c22955b46d4" } ],
          "history": [ { "v1Compatibility": "{\"id\":\"47bcc53f74dc\"}" } ],
          "signatures": []
        }
        """;

    public static TheoryData<string, string, string> MalformedManifests => new()
    {
        { "docker schema 1", Schema1Manifest, "Docker schema 1" },
        { "missing config", $$"""{ "schemaVersion": 2, "layers": [] }""", "no 'config' descriptor" },
        { "config is a string", $$"""{ "schemaVersion": 2, "config": "{{ConfigDigest}}", "layers": [] }""", "no 'config' descriptor" },
        { "missing layers", $$"""{ "schemaVersion": 2, "config": { "digest": "{{ConfigDigest}}", "size": 2 } }""", "no 'layers' array" },
        { "zero layers", $$"""{ "schemaVersion": 2, "config": { "digest": "{{ConfigDigest}}", "size": 2 }, "layers": [] }""", "lists no layers" },
        { "helm chart", ManifestWithLayer($$"""{ "mediaType": "application/vnd.cncf.helm.chart.content.v1.tar+gzip", "digest": "{{Layer1Digest}}", "size": 1 }"""), "layer 1 (" + Layer1Digest + ") has media type 'application/vnd.cncf.helm.chart.content.v1.tar+gzip'" },
        { "layer without media type", ManifestWithLayer($$"""{ "digest": "{{Layer1Digest}}", "size": 1 }"""), "has media type ''" },
        { "layer digest too short", ManifestWithLayer("""{ "mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "sha256:abc", "size": 1 }"""), "layer 1: digest 'sha256:abc' must have 64" },
        { "layer digest missing", ManifestWithLayer("""{ "mediaType": "application/vnd.oci.image.layer.v1.tar", "size": 1 }"""), "layer 1: '' is not a digest" },
        { "layer digest is a number", ManifestWithLayer("""{ "mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": 42, "size": 1 }"""), "layer 1: " },
        { "negative layer size", ManifestWithLayer($$"""{ "mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "{{Layer1Digest}}", "size": -1 }"""), "layer 1 (" + Layer1Digest + ") has no valid 'size'" },
        { "fractional layer size", ManifestWithLayer($$"""{ "mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "{{Layer1Digest}}", "size": 1.5 }"""), "has no valid 'size'" },
        { "layer size beyond 64 bits", ManifestWithLayer($$"""{ "mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "{{Layer1Digest}}", "size": 1e30 }"""), "has no valid 'size'" },
        { "layer size as a string", ManifestWithLayer($$"""{ "mediaType": "application/vnd.oci.image.layer.v1.tar", "digest": "{{Layer1Digest}}", "size": "12" }"""), "has no valid 'size'" },
        { "fractional schema version", $$"""{ "schemaVersion": 1.5, "config": { "digest": "{{ConfigDigest}}", "size": 2 }, "layers": [] }""", "lists no layers" },
        { "invalid json", """{ "schemaVersion": 2, """, "image manifest is not valid JSON" },
        { "empty document", "", "image manifest is not valid JSON" },
        { "text after the document", DockerManifest + " trailing", "image manifest is not valid JSON" },
        { "two documents back to back", DockerManifest + OciManifest, "image manifest is not valid JSON" },
        { "json array", "[]", "image manifest is JSON but not an object" },
        { "json string", "\"manifest\"", "image manifest is JSON but not an object" },
    };

    [Theory]
    [MemberData(nameof(MalformedManifests))]
    public void Malformed_manifest_is_rejected_saying_what_is_wrong(string @case, string json, string reason)
    {
        var thrown = Assert.Throws<ImageFormatException>(() => ImageDocumentParser.ParseManifest(Utf8(json)));

        Assert.True(thrown.Message.Contains(reason, StringComparison.Ordinal), $"{@case}: {thrown.Message}");
    }

    [Fact]
    public void Config_gives_platform_and_diff_ids_in_layer_order()
    {
        var config = ImageDocumentParser.ParseConfig(Utf8(Config));

        Assert.Equal(new Platform("linux", "arm64", "v8"), config.Platform);
        Assert.Equal([DiffId1, DiffId2], config.DiffIds.Select(d => d.ToString()));
    }

    [Fact]
    public void Config_without_os_or_variant_defaults_to_linux_and_no_variant()
    {
        var config = ImageDocumentParser.ParseConfig(Utf8($$"""{ "architecture": "amd64", "rootfs": { "type": "layers", "diff_ids": ["{{DiffId1}}"] } }"""));

        Assert.Equal(new Platform("linux", "amd64", ""), config.Platform);
    }

    [Theory]
    [InlineData("no rootfs", """{ "architecture": "amd64", "os": "linux" }""", "no 'rootfs.diff_ids' array")]
    [InlineData("rootfs without diff_ids", """{ "rootfs": { "type": "layers" } }""", "no 'rootfs.diff_ids' array")]
    [InlineData("rootfs is a string", """{ "rootfs": "layers" }""", "no 'rootfs.diff_ids' array")]
    [InlineData("diff_ids is an object", """{ "rootfs": { "diff_ids": {} } }""", "no 'rootfs.diff_ids' array")]
    [InlineData("bad diff_id", """{ "rootfs": { "diff_ids": ["sha256:xyz"] } }""", "config diff_id 1: digest 'sha256:xyz'")]
    [InlineData("diff_id is a number", """{ "rootfs": { "diff_ids": [7] } }""", "config diff_id 1: ")]
    [InlineData("invalid json", "{ rootfs: [] }", "image config is not valid JSON")]
    public void Malformed_config_is_rejected_saying_what_is_wrong(string @case, string json, string reason)
    {
        var thrown = Assert.Throws<ImageFormatException>(() => ImageDocumentParser.ParseConfig(Utf8(json)));

        Assert.True(thrown.Message.Contains(reason, StringComparison.Ordinal), $"{@case}: {thrown.Message}");
    }

    [Theory]
    [InlineData("declared in the document wins over the header", DockerManifest, MediaTypes.OciIndex, MediaTypes.DockerManifest)]
    [InlineData("declared in the document", OciIndex, null, MediaTypes.OciIndex)]
    [InlineData("header used when the document is silent", """{ "manifests": [] }""", MediaTypes.DockerManifestList, MediaTypes.DockerManifestList)]
    [InlineData("octet-stream header ignored: manifests means index", """{ "manifests": [] }""", "application/octet-stream", MediaTypes.OciIndex)]
    [InlineData("octet-stream header ignored: otherwise manifest", """{ "config": {}, "layers": [] }""", "application/octet-stream", MediaTypes.OciManifest)]
    [InlineData("no header: manifests means index", """{ "schemaVersion": 2, "manifests": [] }""", null, MediaTypes.OciIndex)]
    [InlineData("empty header: otherwise manifest", """{ "schemaVersion": 2, "layers": [] }""", "", MediaTypes.OciManifest)]
    [InlineData("non-string media type is ignored", """{ "mediaType": 3, "manifests": [] }""", null, MediaTypes.OciIndex)]
    public void Media_type_is_detected_from_the_document_then_the_header_then_the_shape(string @case, string json, string? declared, string expected)
    {
        Assert.True(ImageDocumentParser.DetectMediaType(Utf8(json), declared) == expected, @case);
    }

    [Fact]
    public void Media_type_of_invalid_json_cannot_be_detected()
    {
        var thrown = Assert.Throws<ImageFormatException>(() => ImageDocumentParser.DetectMediaType(Utf8("<html>rate limited</html>")));

        Assert.Contains("image document is not valid JSON", thrown.Message, StringComparison.Ordinal);
    }
}
