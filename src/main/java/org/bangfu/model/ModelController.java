package org.bangfu.model;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.security.CurrentUser;
import org.bangfu.shared.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Deploying changed models (process owners): lint first, then new versions of what changed. */
@RestController
@RequestMapping("/api/models")
public class ModelController {

  private final ModelService models;
  private final MigrationService migrations;
  private final ModelVersions versions;
  private final CurrentUser currentUser;

  public ModelController(ModelService models, MigrationService migrations, ModelVersions versions,
      CurrentUser currentUser) {
    this.models = models;
    this.migrations = migrations;
    this.versions = versions;
    this.currentUser = currentUser;
  }

  /** Every deployed version of every BPMN, DMN and form. */
  @org.springframework.web.bind.annotation.GetMapping("/definitions")
  public List<ModelVersions.Definition> definitions() {
    return versions.definitions(currentUser.get());
  }

  /** A deployed version's XML (BPMN, DMN) or JSON (form), for the viewer and the editor. */
  @org.springframework.web.bind.annotation.GetMapping("/definitions/{id}/content")
  public ResponseEntity<byte[]> content(@org.springframework.web.bind.annotation.PathVariable String id) {
    ModelVersions.Content content = versions.content(id, currentUser.get());
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.mediaType())).body(content.bytes());
  }

  /** What changed between two versions: elements added, removed and changed (layout ignored). */
  @org.springframework.web.bind.annotation.GetMapping("/diff")
  public ModelVersions.Diff diff(@RequestParam String from, @RequestParam String to) {
    return versions.diff(from, to, currentUser.get());
  }

  /** Every process's latest version and the running instances still on older ones. */
  @org.springframework.web.bind.annotation.GetMapping
  public List<MigrationService.ProcessVersions> processes() {
    return migrations.processes(currentUser.get());
  }

  /** The migration plan from a version (default: the one before) to a version (default: the latest). */
  @org.springframework.web.bind.annotation.GetMapping("/{processKey}/migration")
  public MigrationService.PlanView migrationPlan(@org.springframework.web.bind.annotation.PathVariable String processKey,
      @RequestParam(required = false) Integer fromVersion, @RequestParam(required = false) Integer toVersion) {
    return migrations.plan(processKey, fromVersion, toVersion, currentUser.get());
  }

  /** Moves the movable instances as a batch; the others are listed and stay on their version. */
  @PostMapping("/{processKey}/migration")
  public MigrationService.Executed migrate(@org.springframework.web.bind.annotation.PathVariable String processKey,
      @RequestParam(required = false) Integer fromVersion, @RequestParam(required = false) Integer toVersion) {
    return migrations.execute(processKey, fromVersion, toVersion, currentUser.get());
  }

  /** 201 with the new versions, 200 when nothing changed, 400 with the lint's guidance, 403 for non-owners. */
  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  public ResponseEntity<ModelService.Deployed> deploy(@RequestParam("files") List<MultipartFile> files)
      throws IOException {
    Map<String, byte[]> content = new LinkedHashMap<>();
    for (MultipartFile file : files) {
      if (file.getSize() > 2_000_000) {
        throw InvalidInputException.of("files", "模型文件太大（超过2MB）：" + file.getOriginalFilename());
      }
      content.put(file.getOriginalFilename(), file.getBytes());
    }
    ModelService.Deployed deployed = models.deploy(content, currentUser.get());
    return ResponseEntity.status(deployed.deploymentId() == null ? HttpStatus.OK : HttpStatus.CREATED)
        .body(deployed);
  }
}
