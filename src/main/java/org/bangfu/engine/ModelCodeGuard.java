package org.bangfu.engine;

import java.beans.FeatureDescriptor;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ELResolver;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The engine's side of "models cannot run code" ({@link ModelCodePolicy}), for every way a model arrives:
 * <ul>
 *   <li>a new deployment (our API, the engine REST API, Camunda Modeler's deploy) is refused when any of its
 *       resources (BPMN, DMN, CMMN, forms, web pages) breaks the policy — checked on the files before the engine
 *       parses them;</li>
 *   <li>expressions resolve only the beans models may use — the step beans (delegates and listeners of the
 *       application) and the beans of {@link ModelCodePolicy#FUNCTIONS} — instead of every Spring bean
 *       ({@code identityService} is no longer a name a model can reach);</li>
 *   <li>while any expression is evaluated, a method is called only if {@link ModelCodePolicy#FUNCTIONS} lists it,
 *       and {@code execution}/{@code task} and the engine's services expose nothing beyond
 *       {@link ModelCodePolicy#EXECUTION_PROPERTIES}: this also holds for models deployed before this guard.</li>
 * </ul>
 */
@Component
public class ModelCodeGuard extends AbstractProcessEnginePlugin {

  private final ApplicationContext applicationContext;

  public ModelCodeGuard(ApplicationContext applicationContext) {
    this.applicationContext = applicationContext;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(0, new PolicyDeployer());
    configuration.setExpressionManager(new GuardedExpressionManager(applicationContext,
        new ModelBeans(applicationContext)));
  }

  /** Refuses a new deployment whose models break the policy; redeploying known deployments (cache) is not checked. */
  static final class PolicyDeployer implements Deployer {
    @Override
    public void deploy(DeploymentEntity deployment) {
      if (!deployment.isNew() || deployment.getResources() == null) {
        return;
      }
      List<String> problems = new ArrayList<>();
      String first = null;
      for (ResourceEntity resource : deployment.getResources().values()) {
        List<ModelCodePolicy.Violation> violations = ModelCodePolicy.check(resource.getName(), resource.getBytes());
        if (!violations.isEmpty()) {
          first = first == null ? resource.getName() : first;
          problems.add(ModelCodePolicy.describe(resource.getName(), violations));
        }
      }
      if (!problems.isEmpty()) {
        throw new ModelRefusedException(first, String.join("\n", problems));
      }
    }
  }

  /** A model refused by the policy: a parse error to the engine, so its REST API answers 400 with the message. */
  public static class ModelRefusedException extends org.camunda.bpm.engine.ParseException {
    public ModelRefusedException(String resourceName, String message) {
      super(message, resourceName, List.of(), List.of());
    }
  }

  /**
   * The beans expressions may name: step beans (the application's delegates and listeners) and the beans of the
   * model functions, looked up when first named (the engine is built before most beans exist).
   */
  static final class ModelBeans extends AbstractMap<Object, Object> {
    private final ApplicationContext context;
    private final Map<String, Boolean> allowed = new ConcurrentHashMap<>();

    ModelBeans(ApplicationContext context) {
      this.context = context;
    }

    @Override
    public boolean containsKey(Object name) {
      return name instanceof String bean && allowed.computeIfAbsent(bean, this::isModelBean);
    }

    @Override
    public Object get(Object name) {
      return containsKey(name) ? context.getBean((String) name) : null;
    }

    private boolean isModelBean(String name) {
      if (!context.containsBean(name) || name.equals("execution") || name.equals("task")) {
        return false;
      }
      if (ModelCodePolicy.FUNCTIONS.containsKey(name)) {
        return true;
      }
      Class<?> type = context.getType(name);
      return type != null && type.getName().startsWith("org.bangfu.")
          && (JavaDelegate.class.isAssignableFrom(type) || TaskListener.class.isAssignableFrom(type)
          || ExecutionListener.class.isAssignableFrom(type));
    }

    @Override
    public Set<Entry<Object, Object>> entrySet() {
      return Set.of(); // not enumerable: names are checked one at a time
    }
  }

  static final class GuardedExpressionManager extends SpringExpressionManager {
    GuardedExpressionManager(ApplicationContext context, Map<Object, Object> beans) {
      super(context, beans);
    }

    @Override
    protected ELResolver createElResolver() {
      CompositeELResolver resolver = new CompositeELResolver();
      resolver.add(new CallGuard(beans));
      resolver.add(super.createElResolver());
      return resolver;
    }
  }

  /** Refuses, while an expression is evaluated, any method call or engine property a model may not use. */
  static final class CallGuard extends ELResolver {
    private final Map<Object, Object> beans;

    CallGuard(Map<Object, Object> beans) {
      this.beans = beans;
    }

    @Override
    public Object invoke(ELContext context, Object base, Object method, Class<?>[] types, Object[] params) {
      if (base == null) {
        return null;
      }
      String name = String.valueOf(method);
      if (isDate(base) && !OBJECT_METHODS.contains(name)) {
        return null; // date arithmetic of Tasklist's filters: ${dateTime().plusDays(2).toDate()}
      }
      if (base instanceof DelegateExecution || base instanceof DelegateTask) {
        if (ModelCodePolicy.FUNCTIONS.get("execution").contains(name)) {
          return null; // allowed: left to the resolvers that follow
        }
      } else {
        for (Map.Entry<String, Set<String>> function : ModelCodePolicy.FUNCTIONS.entrySet()) {
          if (function.getValue().contains(name) && beans.containsKey(function.getKey())
              && beans.get(function.getKey()) == base) {
            return null;
          }
        }
      }
      throw new ProcessEngineException("模型表达式不能调用方法 " + name + "（" + base.getClass().getSimpleName()
          + "）：模型中不能运行代码");
    }

    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "wait", "notify", "notifyAll");

    /** An immutable date value (the engine's {@code dateTime()}, {@code now()}), whose methods compute dates. */
    private static boolean isDate(Object base) {
      return base instanceof java.util.Date || base instanceof java.time.temporal.Temporal
          || base.getClass().getName().startsWith("org.joda.time.");
    }

    @Override
    public Object getValue(ELContext context, Object base, Object property) {
      if (base instanceof DelegateExecution || base instanceof DelegateTask
          || base instanceof org.camunda.bpm.engine.ProcessEngineServices
          || base instanceof org.camunda.bpm.engine.ProcessEngine) {
        if (!(base instanceof DelegateExecution || base instanceof DelegateTask)
            || !ModelCodePolicy.EXECUTION_PROPERTIES.contains(String.valueOf(property))) {
          throw new ProcessEngineException("模型表达式不能读取 " + property + "：模型中不能运行代码");
        }
      }
      return null;
    }

    @Override
    public Class<?> getType(ELContext context, Object base, Object property) {
      return null;
    }

    @Override
    public void setValue(ELContext context, Object base, Object property, Object value) {
      if (base != null) {
        throw new ProcessEngineException("模型表达式不能写入 " + property);
      }
    }

    @Override
    public boolean isReadOnly(ELContext context, Object base, Object property) {
      return false;
    }

    @Override
    public Iterator<FeatureDescriptor> getFeatureDescriptors(ELContext context, Object base) {
      return null;
    }

    @Override
    public Class<?> getCommonPropertyType(ELContext context, Object base) {
      return null;
    }
  }
}
