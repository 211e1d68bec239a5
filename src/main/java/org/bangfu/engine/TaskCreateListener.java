package org.bangfu.engine;

import org.camunda.bpm.engine.delegate.TaskListener;

/** A listener the engine plugin puts on the creation of every user task of every deployed process. */
public interface TaskCreateListener extends TaskListener {
}
