package org.bangfu.screening;

import static org.bangfu.screening.PushColumn.category;
import static org.bangfu.screening.PushColumn.number;
import static org.bangfu.screening.PushColumn.optional;
import static org.bangfu.screening.PushColumn.required;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bangfu.catalogue.Department;
import org.bangfu.household.IncomeKind;
import org.bangfu.screening.PushColumn.Role;

/**
 * The documented layout of each department's push (docs/domain.md §2, channel 3), and of the departments that push
 * incomes by kind (收入数据). Every file starts with the record
 * number, the person's ID number and name; the rest is what the department knows. The README lists them and
 * {@code /api/imports/layouts/{department}/sample.csv} serves a sample.
 */
public final class PushLayouts {

  private static final Map<Department, PushLayout> LAYOUTS = new LinkedHashMap<>();
  private static final Map<Department, PushLayout> INCOME_LAYOUTS = new LinkedHashMap<>();

  static {
    add(Department.MEDINS, "医保结算：合规自付费用（按上年农村居民人均可支配收入的比例筛查）", "医疗自付",
        required("结算日期", Role.DATE, "出院或结算日期"),
        optional("就诊机构", Role.TEXT, "医院名称"),
        required("合规自付费用（元）", Role.AMOUNT, "本次或本年累计的政策范围内个人自付"));
    add(Department.CIVIL, "民政：新纳入低保、特困，或大额临时救助", null,
        category("救助类别", "低保、特困或临时救助", "低保", "特困", "临时救助"),
        required("批准日期", Role.DATE, "救助批准日期"),
        optional("救助金额（元）", Role.AMOUNT, "临时救助的金额"));
    add(Department.EDU, "教育：义务教育阶段学籍变动", null,
        optional("学校", Role.TEXT, "学校名称"),
        category("学籍变动", "辍学、休学、复学或转学", "辍学", "休学", "复学", "转学"),
        required("变动日期", Role.DATE, "学籍变动日期"));
    add(Department.PUBLIC_SECURITY, "公安：家庭成员伤亡", null,
        category("事件类别", "死亡、重伤或轻伤", "死亡", "重伤", "轻伤"),
        required("事件日期", Role.DATE, "事件发生日期"),
        optional("说明", Role.TEXT, "事件简述（不写病情细节）"));
    add(Department.DISABLED, "残联：新办残疾人证", null,
        optional("残疾类别", Role.TEXT, "视力、听力、言语、肢体、智力、精神或多重"),
        category("残疾等级", "一级至四级", "一级", "二级", "三级", "四级"),
        required("发证日期", Role.DATE, "残疾人证发证日期"));
    add(Department.HOUSING, "住建：农房安全鉴定", null,
        category("鉴定等级", "A级至D级", "A级", "B级", "C级", "D级"),
        required("鉴定日期", Role.DATE, "鉴定日期"));
    add(Department.WATER, "水利：农村供水问题", null,
        category("问题类型", "断水、水质不达标或取水不便", "断水", "水质不达标", "取水不便"),
        required("发生日期", Role.DATE, "问题发生日期"),
        number("持续天数", 3660, "断水的天数"));
    add(Department.EMERGENCY, "应急：受灾群众", null,
        category("灾害类型", "洪涝、干旱、地震、地质灾害、风雹、低温冰冻、火灾或其他",
            "洪涝", "干旱", "地震", "地质灾害", "风雹", "低温冰冻", "火灾", "其他"),
        required("受灾日期", Role.DATE, "受灾日期"),
        optional("直接经济损失（元）", Role.AMOUNT, "该户直接经济损失"),
        optional("房屋倒塌或严重损坏", Role.FLAG, "是或否"));
    add(Department.HRSS, "人社：失业与务工", null,
        category("就业状态", "失业、未就业或已就业", "失业", "未就业", "已就业"),
        required("登记日期", Role.DATE, "登记或核实日期"),
        number("本年务工月数", 12, "0到12"));

    // 收入数据: what a department paid or knows a household earned in a month, by the kinds it can know
    income(Department.HRSS, "人社：公益性岗位工资、就业帮扶车间和务工登记的工资，城乡居民养老保险待遇",
        IncomeKind.WAGE, IncomeKind.TRANSFER);
    income(Department.CIVIL, "民政：低保金、特困供养金、临时救助金、残疾人两项补贴", IncomeKind.TRANSFER);
    income(Department.AGRI, "农业农村：扶贫项目资产收益分红、土地流转租金（财产性），耕地地力保护等补贴（转移性），"
        + "产业奖补（经营性）", IncomeKind.BUSINESS, IncomeKind.PROPERTY, IncomeKind.TRANSFER);
    income(Department.FORESTRY, "林草：生态护林员工资（工资性），生态公益林补偿（转移性）", IncomeKind.WAGE,
        IncomeKind.TRANSFER);
    income(Department.DISABLED, "残联：困难残疾人生活补贴和重度残疾人护理补贴", IncomeKind.TRANSFER);
  }

  private PushLayouts() {
  }

  private static void add(Department department, String description, String fixedCategory,
      PushColumn... specific) {
    List<PushColumn> columns = new java.util.ArrayList<>(List.of(
        required("推送编号", Role.RECORD_NO, "部门系统中该条记录的唯一编号，重复推送以此去重"),
        required("身份证号", Role.ID_NUMBER, "18位公民身份号码（Excel中请设为文本格式）"),
        required("姓名", Role.NAME, "与身份证号对应的姓名")));
    columns.addAll(List.of(specific));
    LAYOUTS.put(department, new PushLayout(department, PushDataset.SIGNAL, description, fixedCategory,
        List.copyOf(columns)));
  }

  /** One layout for every department's incomes; the kinds it may give are those it can know. */
  private static void income(Department department, String description, IncomeKind... kinds) {
    String[] allowed = java.util.Arrays.stream(kinds).map(IncomeKind::shortLabel).toArray(String[]::new);
    INCOME_LAYOUTS.put(department, new PushLayout(department, PushDataset.INCOME, description, null, List.of(
        required("推送编号", Role.RECORD_NO, "部门系统中该条收入的唯一编号，重复推送以此去重"),
        required("身份证号", Role.ID_NUMBER, "领取人的18位公民身份号码（Excel中请设为文本格式）"),
        required("姓名", Role.NAME, "与身份证号对应的姓名"),
        required("所属月份", Role.MONTH, "收入所属的月份，如 2026-03（近24个月内）"),
        category("收入类别", String.join("、", allowed), allowed),
        optional("项目", Role.TEXT, "如 低保金、公益性岗位工资、资产收益分红"),
        required("金额（元）", Role.AMOUNT, "该月发放或取得的金额"))));
  }

  /** The signal layout of a department that pushes data, or null when the department does not push. */
  public static PushLayout of(Department department) {
    return LAYOUTS.get(department);
  }

  /** The layout of a department's push of this dataset, or null when the department has none. */
  public static PushLayout of(Department department, PushDataset dataset) {
    return dataset == PushDataset.INCOME ? INCOME_LAYOUTS.get(department) : LAYOUTS.get(department);
  }

  /** Every layout: the signals', then the incomes'. */
  public static List<PushLayout> all() {
    List<PushLayout> all = new java.util.ArrayList<>(LAYOUTS.values());
    all.addAll(INCOME_LAYOUTS.values());
    return List.copyOf(all);
  }
}
