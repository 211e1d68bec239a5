package org.bangfu.supportindustry;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bangfu.screening.ImportProperties;
import org.bangfu.screening.PushFileReader;
import org.bangfu.screening.XlsxInspection;
import org.bangfu.security.BangfuUser;
import org.bangfu.shared.InvalidInputException;
import org.bangfu.shared.InvalidInputException.FieldError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's support projects from a spreadsheet (XLSX or CSV, the layout of {@link #COLUMNS}), all or nothing: a
 * file with any wrong row is refused with every row's reason and nothing is registered; a project number already
 * registered is left as it is (loading the same file again registers nothing twice). Limits as for department pushes.
 */
@Service
public class ProjectImports {

  /** The columns, by their titles (any order; other columns ignored); the values in the page's words. */
  public static final List<String> COLUMNS = List.of("项目库编号", "项目名称", "行政区划代码", "产业类型", "运营主体", "资金来源",
      "投资额（元）", "资产权属", "建成年份", "运营状态");

  /** What a file did. */
  public record Result(int registered, int alreadyRegistered) {
  }

  private final SupportProjects projects;
  private final SupportProjectMapper mapper;
  private final ImportProperties imports;

  public ProjectImports(SupportProjects projects, SupportProjectMapper mapper, ImportProperties imports) {
    this.projects = projects;
    this.mapper = mapper;
    this.imports = imports;
  }

  @Transactional
  public Result load(String county, String fileName, InputStream content, BangfuUser user) {
    if (county == null || !county.matches("\\d{6}")) {
      throw InvalidInputException.of("countyCode", "县级区划代码应为6位数字");
    }
    projects.requireManager(user, county);
    PushFileReader.Format format = PushFileReader.Format.of(fileName);
    if (format == null) {
      throw InvalidInputException.of("file", "只能导入 CSV 或 XLSX（Excel）文件");
    }
    Path file = null;
    try {
      file = Files.createTempFile("bangfu-projects-", "." + format.name().toLowerCase(java.util.Locale.ROOT));
      Files.copy(content, file, StandardCopyOption.REPLACE_EXISTING);
      if (format == PushFileReader.Format.XLSX) {
        XlsxInspection.check(file, imports.limits());
      }
      List<SupportProjects.ProjectRequest> requests = new ArrayList<>();
      List<FieldError> errors = new ArrayList<>();
      try (PushFileReader reader = PushFileReader.open(file, format, imports.limits())) {
        List<String> header = reader.header();
        List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
        if (!missing.isEmpty()) {
          throw InvalidInputException.of("file", "文件缺少以下列：" + String.join("、", missing) + "（第一行应为列名，见导入模板）");
        }
        Set<String> numbers = new HashSet<>();
        int rows = 0;
        for (PushFileReader.RawRow raw = reader.next(); raw != null; raw = reader.next()) {
          if (raw.blank()) {
            continue;
          }
          if (++rows > imports.limits().maxRows()) {
            throw imports.limits().tooManyRows();
          }
          String row = "第 " + raw.rowNo() + " 行";
          String no = raw.cell(header, "项目库编号");
          if (!no.isEmpty() && !numbers.add(no)) {
            errors.add(new FieldError(row, "项目库编号 " + no + " 在文件中出现两次"));
          }
          requests.add(new SupportProjects.ProjectRequest(no, raw.cell(header, "行政区划代码"),
              raw.cell(header, "项目名称"), code(ProjectCodes.INDUSTRY, raw.cell(header, "产业类型")),
              raw.cell(header, "运营主体"), code(ProjectCodes.FUND_SOURCE, raw.cell(header, "资金来源")),
              decimal(raw.cell(header, "投资额（元）")), code(ProjectCodes.ASSET_OWNER, raw.cell(header, "资产权属")),
              year(raw.cell(header, "建成年份")), raw.cell(header, "运营状态").isEmpty() ? null
                  : code(ProjectCodes.STATUS, raw.cell(header, "运营状态"))));
          String village = raw.cell(header, "行政区划代码");
          if (!village.startsWith(county)) {
            errors.add(new FieldError(row, "行政区划代码 " + village + " 不是本县的村"));
            continue;
          }
          try {
            projects.check(requests.get(requests.size() - 1));
          } catch (InvalidInputException e) {
            e.errors().forEach(f -> errors.add(new FieldError(row, f.message())));
          }
        }
        if (rows == 0) {
          throw InvalidInputException.of("file", "文件中没有数据行");
        }
      }
      if (!errors.isEmpty()) {
        throw new InvalidInputException(errors.size() > 200 ? errors.subList(0, 200) : errors);
      }
      int registered = 0;
      int already = 0;
      for (SupportProjects.ProjectRequest request : requests) {
        if (mapper.findByNo(county, request.projectNo().trim()) != null) {
          already++;
          continue;
        }
        projects.register(request, user);
        registered++;
      }
      return new Result(registered, already);
    } catch (IOException | java.io.UncheckedIOException e) {
      throw InvalidInputException.of("file", PushFileReader.unreadable(format, e));
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // a temporary file; the system's temp cleaning takes it
        }
      }
    }
  }

  /** The layout as a CSV to fill in (UTF-8 with a BOM), with one example row marked so. */
  public static String template() {
    return "\uFEFF" + String.join(",", COLUMNS) + "\r\n"
        + "示例-XM-0001,示例：东山村肉牛养殖合作社,629901100201,养殖业,东山村肉牛养殖专业合作社,"
        + "衔接推进乡村振兴补助资金（专项扶贫资金）,1200000,村集体,2021,正常运营\r\n";
  }


  /** A value in the page's words → its code; unknown words as they are (refused by the check with the choices). */
  private static String code(Map<String, String> codes, String words) {
    return codes.entrySet().stream().filter(e -> e.getValue().equals(words) || e.getKey().equals(words))
        .map(Map.Entry::getKey).findFirst().orElse(words);
  }

  private static BigDecimal decimal(String value) {
    try {
      return value.isEmpty() ? null : new BigDecimal(value.replace(",", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Integer year(String value) {
    BigDecimal number = decimal(value);
    try {
      return number == null ? null : number.intValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }
}
