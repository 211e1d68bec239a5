package org.bangfu.region;

import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface RegionMapper {

  Region findByCode(@Param("code") String code);

  List<Region> findAll();

  void insert(Region region);

  int count();
}
